import { parseOffsetDateTime } from "../time/iso-timestamp.js";

/**
 * A comparison operator applied to its operand gives the test of the rule's variable; a value of
 * the wrong type never matches. Static operands are applied once, when the definition loads.
 */
export type Comparison = (operand: unknown) => (value: unknown) => boolean;

type Order = (a: number | string, b: number | string) => boolean;

const ORDERS: Readonly<Record<string, Order>> = {
  Equals: (a, b) => a === b,
  LessThan: (a, b) => a < b,
  GreaterThan: (a, b) => a > b,
  LessThanEquals: (a, b) => a <= b,
  GreaterThanEquals: (a, b) => a >= b,
};

/** Every comparison operator (`StringEquals`...), without its `Path` variant. */
export const COMPARISONS: ReadonlyMap<string, Comparison> = new Map([
  ...ordered("String", (value) => (typeof value === "string" ? value : undefined)),
  ...ordered("Numeric", (value) => (typeof value === "number" ? value : undefined)),
  ...ordered("Timestamp", (value) =>
    typeof value === "string" ? parseOffsetDateTime(value) : undefined,
  ),
  ["BooleanEquals", (operand) => (value) => typeof value === "boolean" && value === operand],
  ["StringMatches", stringMatches],
]);

/** The type tests (`IsNull: true`...): the variable exists; `false` negates the test. */
export const TYPE_TESTS: ReadonlyMap<string, (value: unknown) => boolean> = new Map([
  ["IsNull", (value: unknown) => value === null],
  ["IsNumeric", (value: unknown) => typeof value === "number"],
  ["IsString", (value: unknown) => typeof value === "string"],
  ["IsBoolean", (value: unknown) => typeof value === "boolean"],
  [
    "IsTimestamp",
    (value: unknown) => typeof value === "string" && parseOffsetDateTime(value) !== undefined,
  ],
]);

function ordered(
  prefix: string,
  read: (value: unknown) => number | string | undefined,
): [string, Comparison][] {
  return Object.entries(ORDERS).map(([suffix, order]) => [
    `${prefix}${suffix}`,
    (operand) => {
      const b = read(operand);
      return (value) => {
        const a = read(value);
        return a !== undefined && b !== undefined && order(a, b);
      };
    },
  ]);
}

/** `StringMatches`: `*` matches any run of characters; `\*` and `\\` are a literal `*` and `\`. */
function stringMatches(operand: unknown): (value: unknown) => boolean {
  const pattern = String(operand);
  let regex = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\" && i + 1 < pattern.length) regex += escapeRegex(pattern[++i]!);
    else regex += char === "*" ? "[\\s\\S]*" : escapeRegex(char);
  }
  const compiled = new RegExp(`^${regex}$`);
  return (value) => typeof value === "string" && compiled.test(value);
}

function escapeRegex(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
