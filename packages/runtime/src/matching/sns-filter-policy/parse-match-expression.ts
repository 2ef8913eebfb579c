import { parseCidr } from "../shared/cidr.js";
import { SNS_NUMBERS } from "../shared/event-ruler-number.js";
import { isJsonObject, type JsonObject } from "../shared/json-value.js";
import { parseNumericRange } from "../shared/numeric-range.js";
import { parseAnythingBut } from "./parse-anything-but.js";
import type { Condition } from "./policy-ast.js";
import { rejectPolicy } from "./policy-rejection.js";

type OperandParser = (operand: unknown) => Condition;

const OPERATORS: ReadonlyMap<string, OperandParser> = new Map<string, OperandParser>([
  ["prefix", (operand) => ({ kind: "prefix", value: stringOperand(operand, "prefix") })],
  ["suffix", (operand) => ({ kind: "suffix", value: stringOperand(operand, "suffix") })],
  [
    "equals-ignore-case",
    (operand) => ({
      kind: "equals-ignore-case",
      value: stringOperand(operand, "equals-ignore-case"),
    }),
  ],
  ["cidr", (operand) => ({ kind: "cidr", range: parseCidr(operand, rejectPolicy) })],
  ["exists", (operand) => ({ kind: "exists", exists: booleanOperand(operand) })],
  [
    "numeric",
    (operand) => ({
      kind: "numeric",
      range: parseNumericRange(operand, SNS_NUMBERS, rejectPolicy),
    }),
  ],
  ["anything-but", parseAnythingBut],
]);

/** Parses an operator object such as `{"prefix": "abc"}` found in a policy's value array. */
export function parseMatchExpression(expression: JsonObject): Condition {
  const entries = Object.entries(expression);
  const [first] = entries;
  if (first === undefined) return rejectPolicy("Match expression name not found");
  const [operator, operand] = first;
  const parseOperand = OPERATORS.get(operator);
  if (parseOperand === undefined) return rejectPolicy(`Unrecognized match type ${operator}`);
  const condition = parseOperand(operand);
  if (entries.length > 1) rejectPolicy(extraKeyMessage(operator, operand));
  return condition;
}

// SNS reports a second key after `numeric` or a list-style `anything-but` as a numeric error.
function extraKeyMessage(operator: string, operand: unknown): string {
  const endsLikeNumeric =
    operator === "numeric" || (operator === "anything-but" && !isJsonObject(operand));
  return endsLikeNumeric
    ? "Too many elements in numeric expression"
    : "Only one key allowed in match expression";
}

function stringOperand(operand: unknown, operatorName: string): string {
  if (typeof operand !== "string") rejectPolicy(`${operatorName} match pattern must be a string`);
  return operand;
}

function booleanOperand(operand: unknown): boolean {
  if (typeof operand !== "boolean") {
    rejectPolicy("exists match pattern must be either true or false.");
  }
  return operand;
}
