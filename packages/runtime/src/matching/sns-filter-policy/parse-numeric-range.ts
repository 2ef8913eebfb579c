import { requireComparable } from "./comparable-number.js";
import type { NumericBound, NumericRange } from "./policy-ast.js";
import { rejectPolicy } from "./policy-rejection.js";

// SNS reads the expression as a token stream; these are the words its messages use.
const END_OF_ARRAY = "]";
const TOO_MANY_ELEMENTS = "Too many elements in numeric expression";

/** Parses the operand of `numeric`: `[op, n]` or `[">"|">=", n, "<"|"<=", m]`. */
export function parseNumericRange(terms: readonly unknown[]): NumericRange {
  const [operator, operand] = terms;
  if (typeof operator !== "string") {
    return rejectPolicy(`Invalid member in numeric match: ${tokenText(operator)}`);
  }
  switch (operator) {
    case "=": {
      const value = numericOperand(operand, "equals");
      if (terms.length > 2) rejectPolicy(TOO_MANY_ELEMENTS);
      const bound = { value: requireComparable(value), inclusive: true };
      return { lower: bound, upper: bound };
    }
    case ">":
    case ">=": {
      const lower = { value: numericOperand(operand, operator), inclusive: operator === ">=" };
      return terms.length === 2 ? { lower: comparableBound(lower) } : closedRange(lower, terms);
    }
    case "<":
    case "<=": {
      const upper = { value: numericOperand(operand, operator), inclusive: operator === "<=" };
      if (terms.length > 2) rejectPolicy(TOO_MANY_ELEMENTS);
      return { upper: comparableBound(upper) };
    }
    default:
      return rejectPolicy(`Unrecognized numeric range operator: ${operator}`);
  }
}

function closedRange(lowerBound: NumericBound, terms: readonly unknown[]): NumericRange {
  const [, , operator, operand] = terms;
  if (typeof operator !== "string") {
    return rejectPolicy(`Bad value in numeric range: ${tokenText(operator)}`);
  }
  if (operator !== "<" && operator !== "<=") {
    return rejectPolicy(`Bad numeric range operator: ${operator}`);
  }
  const upperBound = { value: numericOperand(operand, operator), inclusive: operator === "<=" };
  if (terms.length > 4) rejectPolicy("Too many terms in numeric range expression");
  const lower = comparableBound(lowerBound);
  const upper = comparableBound(upperBound);
  if (lower.value >= upper.value) rejectPolicy("Bottom must be less than top");
  return { lower, upper };
}

function numericOperand(operand: unknown, operatorName: string): number {
  if (typeof operand !== "number") rejectPolicy(`Value of ${operatorName} must be numeric`);
  return operand;
}

// Bounds are parsed as written and made comparable only once the syntax is known to be valid,
// which is the order in which SNS reports problems.
function comparableBound(bound: NumericBound): NumericBound {
  return { value: requireComparable(bound.value), inclusive: bound.inclusive };
}

// How SNS quotes a misplaced token: its JSON text, or the bracket that was found instead.
function tokenText(token: unknown): string {
  if (token === undefined) return END_OF_ARRAY;
  if (Array.isArray(token)) return "[";
  if (typeof token === "object" && token !== null) return "{";
  return String(token);
}
