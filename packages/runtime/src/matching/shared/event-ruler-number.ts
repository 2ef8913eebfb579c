import type { Reject } from "./reject.js";

/**
 * How one version of AWS Event Ruler, the matching engine behind EventBridge patterns and SNS
 * filter policies, compares numbers: it turns each into a fixed-point form with six decimal
 * places within a limit, and a number without that form matches no numeric condition.
 */
export interface EventRulerNumbers {
  /** The form in which a number is compared, or `undefined` when it cannot be compared. */
  readonly comparable: (value: number) => number | undefined;
  /** Why a number written in a pattern cannot be compared, in Event Ruler's words. */
  readonly rejection: (value: number) => string;
}

const MAX_DECIMALS = 6;
const EVENTBRIDGE_LIMIT = 5e11;
const SNS_LIMIT = 5e9;
const SNS_SCALE = 1e6;

/**
 * The current Event Ruler, run by EventBridge and Lambda event filtering: numbers are compared
 * exactly, within ±5e11 and with at most six decimal places, and a pattern may hold no other.
 */
export const EVENTBRIDGE_NUMBERS: EventRulerNumbers = {
  comparable: (value) =>
    Math.abs(value) <= EVENTBRIDGE_LIMIT && hasAtMostMaxDecimals(value) ? value : undefined,
  rejection: (value) =>
    hasAtMostMaxDecimals(value)
      ? "Value must be between -5.0E11 and 5.0E11, inclusive"
      : "Only values upto 6 decimals are supported",
};

/**
 * The older Event Ruler SNS still runs: numbers are shifted by five billion and truncated to six
 * decimal places, so `300.0000001` equals `300`, and values beyond ±5e9 cannot be compared. The
 * arithmetic is the same IEEE double arithmetic as AWS's.
 */
export const SNS_NUMBERS: EventRulerNumbers = {
  comparable: (value) =>
    Math.abs(value) <= SNS_LIMIT ? Math.trunc(SNS_SCALE * (SNS_LIMIT + value)) : undefined,
  rejection: () => "Value must be between -5.0E9 and 5.0E9, inclusive",
};

/** The comparable form of a number written in a pattern; rejects one without it. */
export function requireComparable(
  numbers: EventRulerNumbers,
  value: number,
  reject: Reject,
): number {
  return numbers.comparable(value) ?? reject(numbers.rejection(value));
}

function hasAtMostMaxDecimals(value: number): boolean {
  return Number.isInteger(value) || decimalPlaces(value) <= MAX_DECIMALS;
}

function decimalPlaces(value: number): number {
  const [mantissa = "", exponent = "0"] = String(value).split("e");
  const fraction = mantissa.split(".")[1] ?? "";
  return Math.max(0, fraction.length - Number(exponent));
}
