import { rejectPolicy } from "./policy-rejection.js";

const LIMIT = 5e9;
const SCALE = 1e6;

/**
 * SNS compares numbers the way its matching engine (AWS Event Ruler) stores them: shifted by five
 * billion and truncated to six decimal places, so `300.0000001` equals `300`, and values beyond
 * ±5e9 cannot be compared at all. The arithmetic is the same IEEE double arithmetic as AWS's.
 */
export function comparableNumber(value: number): number | undefined {
  return Math.abs(value) <= LIMIT ? Math.trunc(SCALE * (LIMIT + value)) : undefined;
}

/** A number written in a policy where SNS needs its comparable form. */
export function requireComparable(value: number): number {
  const comparable = comparableNumber(value);
  if (comparable === undefined) rejectPolicy("Value must be between -5.0E9 and 5.0E9, inclusive");
  return comparable;
}
