import { invalidPattern } from "./invalid-pattern.js";
import type { LeafTest } from "./leaf.js";

/** EventBridge compares numbers only within ±5e11 and with at most six decimal places. */
const LIMIT = 5e11;
const MAX_DECIMALS = 6;

/** Whether EventBridge can compare this number numerically (else only its exact text matches). */
export function isComparable(value: number): boolean {
  return (
    Math.abs(value) <= LIMIT && (Number.isInteger(value) || decimalPlaces(value) <= MAX_DECIMALS)
  );
}

function decimalPlaces(value: number): number {
  const [mantissa = "", exponent = "0"] = String(value).split("e");
  const fraction = mantissa.split(".")[1] ?? "";
  return Math.max(0, fraction.length - Number(exponent));
}

/** Validates a number of a pattern the way the rule compiler turns it into a comparable form. */
export function checkComparable(value: number): void {
  if (!Number.isInteger(value) && decimalPlaces(value) > MAX_DECIMALS) {
    throw invalidPattern("Only values upto 6 decimals are supported");
  }
  if (!(Math.abs(value) <= LIMIT)) {
    throw invalidPattern("Value must be between -5.0E11 and 5.0E11, inclusive");
  }
}

interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** Compiles the operand list of `{"numeric": [...]}`, with the rule compiler's messages. */
export function compileNumeric(terms: readonly unknown[]): LeafTest {
  const [operator, operand] = terms;
  if (typeof operator !== "string") {
    throw invalidPattern(`Invalid member in numeric match: ${tokenText(operator)}`);
  }
  switch (operator) {
    case "=":
      return compileEquals(requireNumber(operand, "equals"), terms);
    case ">":
    case ">=":
      return compileLowerBound(operator, requireNumber(operand, operator), terms);
    case "<":
    case "<=": {
      const top = requireNumber(operand, operator);
      if (terms.length > 2) throw invalidPattern("Too many elements in numeric expression");
      checkComparable(top);
      return rangeTest(undefined, { value: top, inclusive: operator === "<=" });
    }
    default:
      throw invalidPattern(`Unrecognized numeric range operator: ${operator}`);
  }
}

function compileEquals(value: number, terms: readonly unknown[]): LeafTest {
  if (terms.length > 2) throw invalidPattern("Too many elements in numeric expression");
  checkComparable(value);
  return (leaf) => leaf === value;
}

function compileLowerBound(operator: string, value: number, terms: readonly unknown[]): LeafTest {
  const bottom = { value, inclusive: operator === ">=" };
  if (terms.length === 2) {
    checkComparable(value);
    return rangeTest(bottom, undefined);
  }
  const topOperator = terms[2];
  if (typeof topOperator !== "string") {
    throw invalidPattern(`Bad value in numeric range: ${tokenText(topOperator)}`);
  }
  if (topOperator !== "<" && topOperator !== "<=") {
    throw invalidPattern(`Bad numeric range operator: ${topOperator}`);
  }
  const top = requireNumber(terms[3], topOperator);
  if (terms.length > 4) throw invalidPattern("Too many terms in numeric range expression");
  checkComparable(value);
  checkComparable(top);
  if (value >= top) throw invalidPattern("Bottom must be less than top");
  return rangeTest(bottom, { value: top, inclusive: topOperator === "<=" });
}

function rangeTest(bottom: Bound | undefined, top: Bound | undefined): LeafTest {
  const low = bottom?.value ?? -Infinity;
  const high = top?.value ?? Infinity;
  const lowInclusive = bottom?.inclusive ?? true;
  const highInclusive = top?.inclusive ?? true;
  return (leaf) =>
    typeof leaf === "number" &&
    (lowInclusive ? leaf >= low : leaf > low) &&
    (highInclusive ? leaf <= high : leaf < high) &&
    isComparable(leaf);
}

function requireNumber(value: unknown, operator: string): number {
  if (typeof value !== "number") throw invalidPattern(`Value of ${operator} must be numeric`);
  return value;
}

/** The text Jackson shows for the token holding `value` (`]` when the list has ended). */
export function tokenText(value: unknown): string {
  if (value === undefined) return "]";
  if (Array.isArray(value)) return "[";
  if (typeof value === "object" && value !== null) return "{";
  return String(value);
}
