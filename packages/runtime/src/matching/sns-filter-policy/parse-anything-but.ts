import { parseExcludedValues } from "../shared/anything-but-values.js";
import { SNS_NUMBERS } from "../shared/event-ruler-number.js";
import { isJsonObject, type JsonObject } from "../shared/json-value.js";
import type { Condition } from "./policy-ast.js";
import { rejectPolicy } from "./policy-rejection.js";

/**
 * Parses the operand of `anything-but`: a string, a number, a list of either, or
 * `{"prefix": "..."}` (SNS rejects the `suffix` and `equals-ignore-case` forms EventBridge has).
 */
export function parseAnythingBut(operand: unknown): Condition {
  if (isJsonObject(operand)) return parseAnythingButPrefix(operand);
  return {
    kind: "anything-but",
    excluded: parseExcludedValues(operand, SNS_NUMBERS, rejectPolicy),
  };
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
