import type { Comparison, ComparisonOperator } from "./ast.js";
import { compileRegex, type TextTest } from "./regex/compile-regex.js";

/** A compiled comparison, typed by what it needs from the value it tests. */
export type ValuePredicate =
  | { readonly kind: "text"; readonly test: TextTest }
  | { readonly kind: "number"; readonly test: (value: number) => boolean };

const NUMBER_COMPARISONS: Readonly<
  Record<ComparisonOperator, (left: number, right: number) => boolean>
> = {
  "=": (left, right) => left === right,
  "!=": (left, right) => left !== right,
  "<": (left, right) => left < right,
  "<=": (left, right) => left <= right,
  ">": (left, right) => left > right,
  ">=": (left, right) => left >= right,
};

export function compileComparison({ operator, operand }: Comparison): ValuePredicate {
  if (operand.kind === "number") {
    const compare = NUMBER_COMPARISONS[operator];
    const expected = operand.value;
    return { kind: "number", test: (value) => compare(value, expected) };
  }
  const matches =
    operand.kind === "regex" ? compileRegex(operand.regex) : compileWildcard(operand.text);
  return { kind: "text", test: operator === "=" ? matches : (text) => !matches(text) };
}

/** `*` at the start or the end is a wildcard; one inside the text is literal (`Ev*ent`). */
function compileWildcard(pattern: string): TextTest {
  const leading = pattern.startsWith("*");
  const rest = leading ? pattern.slice(1) : pattern;
  const trailing = rest.endsWith("*");
  const core = trailing ? rest.slice(0, -1) : rest;
  if (leading && trailing) return (text) => text.includes(core);
  if (leading) return (text) => text.endsWith(core);
  if (trailing) return (text) => text.startsWith(core);
  return (text) => text === core;
}
