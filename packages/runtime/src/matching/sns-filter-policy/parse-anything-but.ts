import { requireComparable } from "./comparable-number.js";
import { isJsonObject, type JsonObject } from "./json-value.js";
import type { Condition } from "./policy-ast.js";
import { rejectPolicy } from "./policy-rejection.js";

/**
 * Parses the operand of `anything-but`: a string, a number, a list of either, or
 * `{"prefix": "..."}` (SNS rejects the `suffix` and `equals-ignore-case` forms EventBridge has).
 */
export function parseAnythingBut(operand: unknown): Condition {
  if (isJsonObject(operand)) return parseAnythingButPrefix(operand);
  if (Array.isArray(operand)) return parseAnythingButList(operand);
  if (typeof operand === "string") return { kind: "anything-but", values: [operand] };
  if (typeof operand === "number") {
    return { kind: "anything-but-number", values: [requireComparable(operand)] };
  }
  return rejectPolicy("Value of anything-but must be an array or single string/number value.");
}

function parseAnythingButPrefix(expression: JsonObject): Condition {
  const entries = Object.entries(expression);
  const [first] = entries;
  if (first === undefined) return rejectPolicy("Anything-But expression name not found");
  const [operator, prefix] = first;
  if (operator !== "prefix") rejectPolicy(`Unsupported anything-but pattern: ${operator}`);
  if (typeof prefix !== "string") return rejectPolicy("prefix match pattern must be a string");
  if (prefix === "") rejectPolicy("Null prefix not allowed");
  if (entries.length > 1) rejectPolicy("Only one key allowed in match expression");
  return { kind: "anything-but-prefix", value: prefix };
}

function parseAnythingButList(values: readonly unknown[]): Condition {
  const strings: string[] = [];
  const numbers: number[] = [];
  for (const value of values) {
    if (typeof value === "string") strings.push(value);
    else if (typeof value === "number") numbers.push(requireComparable(value));
    else rejectPolicy("Inside anything but list, start|null|boolean is not supported.");
  }
  if (strings.length > 0 === numbers.length > 0) {
    rejectPolicy(
      "Inside anything but list, either all values are number or string, mixed type is not supported",
    );
  }
  return strings.length > 0
    ? { kind: "anything-but", values: strings }
    : { kind: "anything-but-number", values: numbers };
}
