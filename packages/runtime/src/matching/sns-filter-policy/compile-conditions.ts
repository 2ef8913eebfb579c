import { comparableNumber } from "./comparable-number.js";
import { ipAddressBytes, ipRangeIncludes } from "./ip-address.js";
import type { JsonScalar } from "./json-value.js";
import type { Condition, NumericRange } from "./policy-ast.js";

/** The leaves found under a key, or `undefined` when the message does not have the key. */
export type FieldValues = readonly JsonScalar[] | undefined;
export type FieldMatcher = (values: FieldValues) => boolean;
type LeafMatcher = (leaf: JsonScalar) => boolean;
type ValueCondition = Exclude<Condition, { kind: "exists" | "equals" }>;

/**
 * Compiles a key's value array: the key matches when any leaf satisfies any condition, or when
 * an `exists` condition agrees with the key's presence.
 */
export function compileFieldConditions(conditions: readonly Condition[]): FieldMatcher {
  const matchesAbsent = conditions.some((c) => c.kind === "exists" && !c.exists);
  const matchesPresent = conditions.some((c) => c.kind === "exists" && c.exists);
  const leafMatchers = compileLeafMatchers(conditions);
  return (values) =>
    values === undefined
      ? matchesAbsent
      : matchesPresent || values.some((leaf) => leafMatchers.some((matches) => matches(leaf)));
}

function compileLeafMatchers(conditions: readonly Condition[]): LeafMatcher[] {
  const exactValues = new Set<JsonScalar>(
    conditions.flatMap((c) => (c.kind === "equals" ? [c.value] : [])),
  );
  const matchers = conditions.filter(isValueCondition).map(compileValueCondition);
  return exactValues.size > 0 ? [(leaf) => exactValues.has(leaf), ...matchers] : matchers;
}

function isValueCondition(condition: Condition): condition is ValueCondition {
  return condition.kind !== "equals" && condition.kind !== "exists";
}

// String operators never match numbers, booleans or null; the anything-but forms on strings
// accept them, because a non-string value is never one of the excluded strings.
function compileValueCondition(condition: ValueCondition): LeafMatcher {
  switch (condition.kind) {
    case "number":
      return numberEquals(condition.value);
    case "prefix": {
      const prefix = condition.value;
      return (leaf) => typeof leaf === "string" && leaf.startsWith(prefix);
    }
    case "suffix": {
      const suffix = condition.value;
      return (leaf) => typeof leaf === "string" && leaf.endsWith(suffix);
    }
    case "equals-ignore-case": {
      const lowerCase = condition.value.toLowerCase();
      return (leaf) => typeof leaf === "string" && leaf.toLowerCase() === lowerCase;
    }
    case "anything-but": {
      const excluded = new Set(condition.values);
      return (leaf) => typeof leaf !== "string" || !excluded.has(leaf);
    }
    case "anything-but-number": {
      const excluded = new Set(condition.values);
      return (leaf) => {
        if (typeof leaf !== "number") return false;
        const comparable = comparableNumber(leaf);
        return comparable === undefined || !excluded.has(comparable);
      };
    }
    case "anything-but-prefix": {
      const prefix = condition.value;
      return (leaf) => typeof leaf !== "string" || !leaf.startsWith(prefix);
    }
    case "numeric":
      return numericRangeMatcher(condition.range);
    case "cidr": {
      const range = condition.range;
      return (leaf) => {
        const address = typeof leaf === "string" ? ipAddressBytes(leaf) : undefined;
        return address !== undefined && ipRangeIncludes(range, address);
      };
    }
  }
}

function numberEquals(expected: number): LeafMatcher {
  const comparable = comparableNumber(expected);
  return (leaf) =>
    typeof leaf === "number" &&
    (leaf === expected || (comparable !== undefined && comparableNumber(leaf) === comparable));
}

function numericRangeMatcher({ lower, upper }: NumericRange): LeafMatcher {
  return (leaf) => {
    const value = typeof leaf === "number" ? comparableNumber(leaf) : undefined;
    if (value === undefined) return false;
    const aboveLower =
      lower === undefined || value > lower.value || (lower.inclusive && value === lower.value);
    const belowUpper =
      upper === undefined || value < upper.value || (upper.inclusive && value === upper.value);
    return aboveLower && belowUpper;
  };
}
