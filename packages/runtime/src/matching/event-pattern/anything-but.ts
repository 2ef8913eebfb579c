import { parseExcludedValues, requireValueOrList } from "../shared/anything-but-values.js";
import { EVENTBRIDGE_NUMBERS } from "../shared/event-ruler-number.js";
import { isJsonObject, type JsonObject, type LeafTest } from "../shared/json-value.js";
import type { PatternDialect } from "./dialect.js";
import { invalidPattern, rejectPattern } from "./invalid-pattern.js";
import { compileWildcard } from "./wildcard.js";

type InnerOperator = "prefix" | "suffix" | "equals-ignore-case" | "wildcard";
const INNER_OPERATORS: ReadonlySet<string> = new Set<InnerOperator>([
  "prefix",
  "suffix",
  "equals-ignore-case",
  "wildcard",
]);

const NOT_A_STRING: Readonly<Record<InnerOperator, string>> = {
  prefix: "prefix/suffix match pattern must be a string",
  suffix: "prefix/suffix match pattern must be a string",
  wildcard: "wildcard match pattern must be a string",
  "equals-ignore-case":
    "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
};

/**
 * Compiles the operand of `anything-but`: a string, a number, a list of either, or one of
 * `prefix` / `suffix` / `equals-ignore-case` / `wildcard` with a string or a list of strings.
 * The result matches every leaf (null, booleans and other types included) that is not excluded.
 */
export function compileAnythingBut(operand: unknown, dialect: PatternDialect): LeafTest {
  if (isJsonObject(operand)) return compileInner(operand, dialect);
  const excluded = parseExcludedValues(operand, EVENTBRIDGE_NUMBERS, rejectPattern);
  if (excluded.kind === "strings") {
    const strings = excluded.values;
    return (leaf) => typeof leaf !== "string" || !strings.has(leaf);
  }
  const numbers = excluded.values;
  return (leaf) => {
    if (typeof leaf !== "number") return true;
    const comparable = EVENTBRIDGE_NUMBERS.comparable(leaf);
    return comparable === undefined || !numbers.has(comparable);
  };
}

function compileInner(operand: JsonObject, dialect: PatternDialect): LeafTest {
  const [operator, ...others] = Object.keys(operand);
  if (operator === undefined) throw invalidPattern("Anything-But expression name not found");
  if (!INNER_OPERATORS.has(operator) || !dialect.operators.has(operator)) {
    throw invalidPattern(`Unsupported anything-but pattern: ${operator}`);
  }
  const inner = operator as InnerOperator;
  const value = operand[inner];
  requireValueOrList(value, rejectPattern);
  const texts = (Array.isArray(value) ? value : [value]).map((text) => requireText(text, inner));
  if (others.length > 0) throw invalidPattern("Too many elements in numeric expression");
  const excluded = exclusionTest(inner, texts);
  return (leaf) => typeof leaf !== "string" || !excluded(leaf);
}

function exclusionTest(
  operator: InnerOperator,
  texts: readonly string[],
): (value: string) => boolean {
  switch (operator) {
    case "prefix":
      return (value) => texts.some((prefix) => value.startsWith(prefix));
    case "suffix":
      return (value) => texts.some((suffix) => value.endsWith(suffix));
    case "equals-ignore-case": {
      const lowered = new Set(texts.map((text) => text.toLowerCase()));
      return (value) => lowered.has(value.toLowerCase());
    }
    case "wildcard": {
      const matchers = texts.map(compileWildcard);
      return (value) => matchers.some((matches) => matches(value));
    }
  }
}

function requireText(value: unknown, operator: InnerOperator): string {
  if (typeof value !== "string") throw invalidPattern(NOT_A_STRING[operator]);
  if (value === "" && (operator === "prefix" || operator === "suffix")) {
    throw invalidPattern("Null prefix/suffix not allowed");
  }
  return value;
}
