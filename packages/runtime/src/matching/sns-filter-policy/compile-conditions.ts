import type { ExcludedValues } from "../shared/anything-but-values.js";
import { ipRangeTest } from "../shared/cidr.js";
import { SNS_NUMBERS } from "../shared/event-ruler-number.js";
import type { JsonScalar, LeafTest } from "../shared/json-value.js";
import { numericRangeTest } from "../shared/numeric-range.js";
import type { Condition } from "./policy-ast.js";

/** The leaves found under a key, or `undefined` when the message does not have the key. */
export type FieldValues = readonly JsonScalar[] | undefined;
export type FieldMatcher = (values: FieldValues) => boolean;
type ValueCondition = Exclude<Condition, { kind: "exists" | "equals" }>;

/**
 * Compiles a key's value array: the key matches when any leaf satisfies any condition, or when
 * an `exists` condition agrees with the key's presence.
 */
export function compileFieldConditions(conditions: readonly Condition[]): FieldMatcher {
  const matchesAbsent = conditions.some((c) => c.kind === "exists" && !c.exists);
  const matchesPresent = conditions.some((c) => c.kind === "exists" && c.exists);
  const leafTests = compileLeafTests(conditions);
  return (values) =>
    values === undefined
      ? matchesAbsent
      : matchesPresent || values.some((leaf) => leafTests.some((matches) => matches(leaf)));
}

function compileLeafTests(conditions: readonly Condition[]): LeafTest[] {
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
function compileValueCondition(condition: ValueCondition): LeafTest {
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
    case "anything-but":
      return anythingBut(condition.excluded);
    case "anything-but-prefix": {
      const prefix = condition.value;
      return (leaf) => typeof leaf !== "string" || !leaf.startsWith(prefix);
    }
    case "numeric":
      return numericRangeTest(condition.range, SNS_NUMBERS);
    case "cidr":
      return ipRangeTest(condition.range);
  }
}

function numberEquals(expected: number): LeafTest {
  const comparable = SNS_NUMBERS.comparable(expected);
  return (leaf) =>
    typeof leaf === "number" &&
    (leaf === expected ||
      (comparable !== undefined && SNS_NUMBERS.comparable(leaf) === comparable));
}

// Unlike EventBridge, SNS lets `anything-but` numbers match numbers only.
function anythingBut({ kind, values }: ExcludedValues): LeafTest {
  if (kind === "strings") return (leaf) => typeof leaf !== "string" || !values.has(leaf);
  return (leaf) => {
    if (typeof leaf !== "number") return false;
    const comparable = SNS_NUMBERS.comparable(leaf);
    return comparable === undefined || !values.has(comparable);
  };
}
