import { ipRangeTest, parseCidr } from "../shared/cidr.js";
import { EVENTBRIDGE_NUMBERS } from "../shared/event-ruler-number.js";
import { isJsonObject, type JsonObject, type LeafTest } from "../shared/json-value.js";
import { numericRangeTest, parseNumericRange } from "../shared/numeric-range.js";
import { compileAnythingBut } from "./anything-but.js";
import type { PatternDialect } from "./dialect.js";
import { invalidPattern, rejectPattern } from "./invalid-pattern.js";
import { compileWildcard } from "./wildcard.js";

/**
 * What one entry of a field's value list asks for. `absent` is `{"exists": false}`: it is not a
 * test on a leaf but on the lack of one. `broad` marks tests that most values pass, which the
 * matcher checks last.
 */
export type ValueCondition =
  | { readonly kind: "absent" }
  | { readonly kind: "test"; readonly test: LeafTest; readonly broad: boolean };

const ABSENT: ValueCondition = { kind: "absent" };

/** Compiles `{ "<operator>": <operand> }` from a pattern's value list. */
export function compileMatchExpression(
  expression: JsonObject,
  dialect: PatternDialect,
): ValueCondition {
  const [operator, ...others] = Object.keys(expression);
  if (operator === undefined) throw invalidPattern("Match expression name not found");
  if (!dialect.operators.has(operator)) throw invalidPattern(`Unrecognized match type ${operator}`);
  const operand = expression[operator];
  const condition = compileOperator(operator, operand, dialect);
  if (others.length > 0) {
    throw invalidPattern(
      operator === "numeric" || operator === "anything-but"
        ? "Too many elements in numeric expression"
        : "Only one key allowed in match expression",
    );
  }
  return condition;
}

function compileOperator(
  operator: string,
  operand: unknown,
  dialect: PatternDialect,
): ValueCondition {
  switch (operator) {
    case "prefix":
      return narrow(compileAffix(operand, "prefix"));
    case "suffix":
      return narrow(compileAffix(operand, "suffix"));
    case "equals-ignore-case": {
      const lower = requireString(operand, "equals-ignore-case").toLowerCase();
      return narrow((leaf) => typeof leaf === "string" && leaf.toLowerCase() === lower);
    }
    case "wildcard": {
      const matches = compileWildcard(requireString(operand, "wildcard"));
      return narrow((leaf) => typeof leaf === "string" && matches(leaf));
    }
    case "numeric": {
      const range = parseNumericRange(operand, EVENTBRIDGE_NUMBERS, rejectPattern);
      return narrow(numericRangeTest(range, EVENTBRIDGE_NUMBERS));
    }
    case "cidr":
      return narrow(ipRangeTest(parseCidr(operand, rejectPattern)));
    case "exists":
      if (operand === false) return ABSENT;
      if (operand !== true)
        throw invalidPattern("exists match pattern must be either true or false.");
      return { kind: "test", test: () => true, broad: true };
    case "anything-but":
      return { kind: "test", test: compileAnythingBut(operand, dialect), broad: true };
    default:
      throw invalidPattern(`Unrecognized match type ${operator}`);
  }
}

function narrow(test: LeafTest): ValueCondition {
  return { kind: "test", test, broad: false };
}

/** `prefix` / `suffix`, either a string or `{"equals-ignore-case": string}`. */
function compileAffix(operand: unknown, operator: "prefix" | "suffix"): LeafTest {
  if (isJsonObject(operand)) return compileAffixIgnoringCase(operand, operator);
  const affix = requireString(operand, operator);
  return operator === "prefix"
    ? (leaf) => typeof leaf === "string" && leaf.startsWith(affix)
    : (leaf) => typeof leaf === "string" && leaf.endsWith(affix);
}

function compileAffixIgnoringCase(operand: JsonObject, operator: "prefix" | "suffix"): LeafTest {
  const [inner, ...others] = Object.keys(operand);
  const name = operator === "prefix" ? "Prefix" : "Suffix";
  if (inner === undefined) throw invalidPattern(`${name} expression name not found`);
  if (inner !== "equals-ignore-case")
    throw invalidPattern(`Unsupported ${operator} pattern: ${inner}`);
  const affix = requireString(operand[inner], "equals-ignore-case").toLowerCase();
  if (others.length > 0) throw invalidPattern("Only one key allowed in match expression");
  return operator === "prefix"
    ? (leaf) => typeof leaf === "string" && leaf.toLowerCase().startsWith(affix)
    : (leaf) => typeof leaf === "string" && leaf.toLowerCase().endsWith(affix);
}

function requireString(operand: unknown, operator: string): string {
  if (typeof operand !== "string")
    throw invalidPattern(`${operator} match pattern must be a string`);
  return operand;
}
