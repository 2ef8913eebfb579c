import { type EventRulerNumbers, requireComparable } from "./event-ruler-number.js";
import type { LeafTest } from "./json-value.js";
import type { Reject } from "./reject.js";

/** A bound in the comparable form of the EventRulerNumbers the range was parsed with. */
export interface NumericBound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** A missing bound leaves that side open. */
export interface NumericRange {
  readonly lower?: NumericBound;
  readonly upper?: NumericBound;
}

const TOO_MANY_ELEMENTS = "Too many elements in numeric expression";

/**
 * Parses the operand of `numeric`, `[op, n]` or `[">"|">=", n, "<"|"<=", m]`, with Event Ruler's
 * messages. Event Ruler reads the operand as a token stream, so problems are reported in the
 * order it meets them, and bounds are made comparable only once the syntax is known to be valid.
 */
export function parseNumericRange(
  operand: unknown,
  numbers: EventRulerNumbers,
  reject: Reject,
): NumericRange {
  if (!Array.isArray(operand)) return reject("Value of numeric must be an array.");
  const terms: readonly unknown[] = operand;
  const [operator, value] = terms;
  const comparable = (bound: NumericBound): NumericBound => ({
    value: requireComparable(numbers, bound.value, reject),
    inclusive: bound.inclusive,
  });
  if (typeof operator !== "string") {
    return reject(`Invalid member in numeric match: ${tokenText(operator)}`);
  }
  switch (operator) {
    case "=": {
      const bound = { value: numberOperand(value, "equals", reject), inclusive: true };
      if (terms.length > 2) reject(TOO_MANY_ELEMENTS);
      const exact = comparable(bound);
      return { lower: exact, upper: exact };
    }
    case ">":
    case ">=": {
      const lower = { value: numberOperand(value, operator, reject), inclusive: operator === ">=" };
      if (terms.length === 2) return { lower: comparable(lower) };
      const upper = upperBound(terms, reject);
      const range = { lower: comparable(lower), upper: comparable(upper) };
      if (range.lower.value >= range.upper.value) reject("Bottom must be less than top");
      return range;
    }
    case "<":
    case "<=": {
      const upper = { value: numberOperand(value, operator, reject), inclusive: operator === "<=" };
      if (terms.length > 2) reject(TOO_MANY_ELEMENTS);
      return { upper: comparable(upper) };
    }
    default:
      return reject(`Unrecognized numeric range operator: ${operator}`);
  }
}

/** Holds for a number whose comparable form lies within the range. */
export function numericRangeTest(
  { lower, upper }: NumericRange,
  numbers: EventRulerNumbers,
): LeafTest {
  return (leaf) => {
    const value = typeof leaf === "number" ? numbers.comparable(leaf) : undefined;
    if (value === undefined) return false;
    const aboveLower =
      lower === undefined || value > lower.value || (lower.inclusive && value === lower.value);
    const belowUpper =
      upper === undefined || value < upper.value || (upper.inclusive && value === upper.value);
    return aboveLower && belowUpper;
  };
}

/** The `"<"|"<=", m` that closes a range opened by `">"|">=", n`, as written. */
function upperBound(terms: readonly unknown[], reject: Reject): NumericBound {
  const [, , operator, value] = terms;
  if (typeof operator !== "string") {
    return reject(`Bad value in numeric range: ${tokenText(operator)}`);
  }
  if (operator !== "<" && operator !== "<=") {
    return reject(`Bad numeric range operator: ${operator}`);
  }
  const bound = { value: numberOperand(value, operator, reject), inclusive: operator === "<=" };
  if (terms.length > 4) reject("Too many terms in numeric range expression");
  return bound;
}

function numberOperand(value: unknown, operatorName: string, reject: Reject): number {
  if (typeof value !== "number") return reject(`Value of ${operatorName} must be numeric`);
  return value;
}

/** How Event Ruler quotes a misplaced token: its text, or the bracket found instead. */
function tokenText(token: unknown): string {
  if (token === undefined) return "]";
  if (Array.isArray(token)) return "[";
  if (typeof token === "object" && token !== null) return "{";
  return String(token);
}
