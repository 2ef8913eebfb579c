import { type EventRulerNumbers, requireComparable } from "./event-ruler-number.js";
import type { Reject } from "./reject.js";

/** What `anything-but` excludes when given values: strings, or numbers in comparable form. */
export type ExcludedValues =
  | { readonly kind: "strings"; readonly values: ReadonlySet<string> }
  | { readonly kind: "numbers"; readonly values: ReadonlySet<number> };

/**
 * Parses an `anything-but` operand that is one value or a list of values, with Event Ruler's
 * messages: all strings or all numbers, never null, booleans or a mix.
 */
export function parseExcludedValues(
  operand: unknown,
  numbers: EventRulerNumbers,
  reject: Reject,
): ExcludedValues {
  requireValueOrList(operand, reject);
  const strings = new Set<string>();
  const comparables = new Set<number>();
  for (const value of Array.isArray(operand) ? operand : [operand]) {
    if (typeof value === "string") strings.add(value);
    else if (typeof value === "number") comparables.add(requireComparable(numbers, value, reject));
    else reject("Inside anything but list, start|null|boolean is not supported.");
  }
  if ((strings.size === 0) === (comparables.size === 0)) {
    reject(
      "Inside anything but list, either all values are number or string, mixed type is not supported",
    );
  }
  return strings.size > 0
    ? { kind: "strings", values: strings }
    : { kind: "numbers", values: comparables };
}

/** The operand of `anything-but` (or of an operator inside it) must be a value or a list. */
export function requireValueOrList(
  operand: unknown,
  reject: Reject,
): asserts operand is string | number | readonly unknown[] {
  if (!Array.isArray(operand) && typeof operand !== "string" && typeof operand !== "number") {
    reject("Value of anything-but must be an array or single string/number value.");
  }
}
