import { ipAddressHex } from "../shared/ip-address.js";
import {
  isJsonObject,
  type JsonObject,
  type JsonScalar,
  type LeafTest,
} from "../shared/json-value.js";
import type { PatternDialect } from "./dialect.js";
import { invalidPattern } from "./invalid-pattern.js";
import { compileMatchExpression, type ValueCondition } from "./match-expression.js";

/** The conditions on one flattened path: a leaf passing `test`, or (if allowed) no leaf at all. */
export interface FieldCondition {
  /** Keys from the root joined with dots, which is how AWS names fields (arrays add nothing). */
  readonly path: string;
  readonly test: LeafTest | undefined;
  readonly allowsAbsence: boolean;
  /** Every test passes most values (`exists`, `anything-but`), so it filters little. */
  readonly broad: boolean;
}

/** Fields that must all hold; a pattern is a list of branches, one per `$or` combination. */
export type Branch = readonly FieldCondition[];

const OR = "$or";
const RESERVED_IN_OR: ReadonlySet<string> = new Set([
  ...["exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard"],
  ...[
    "numeric",
    "cidr",
    "=",
    "<",
    "<=",
    ">",
    ">=",
    "regex",
    "not-wildcard",
    "not-equals-ignore-case",
  ],
  ...["date-after", "date-on-or-after", "date-before", "date-on-or-before", "in-date-range"],
  ...["ip-address-in-range", "ip-address-not-in-range"],
]);

type Rules = Map<string, FieldCondition>[];

/**
 * Validates a parsed pattern and flattens it into branches, the way the AWS rule compiler reads
 * it: keys in document order, a repeated path keeps its last conditions, and each `$or` forks
 * every branch built so far.
 */
export function flattenPattern(pattern: unknown, dialect: PatternDialect): Branch[] {
  if (!isJsonObject(pattern)) throw invalidPattern("Filter is not an object");
  const rules: Rules = [];
  new PatternReader(dialect).readObject(rules, pattern, "", false);
  return rules.map((rule) => [...rule.values()]);
}

class PatternReader {
  constructor(private readonly dialect: PatternDialect) {}

  readObject(rules: Rules, object: JsonObject, prefix: string, insideOr: boolean): void {
    const keys = Object.keys(object);
    if (keys.length === 0) throw invalidPattern("Empty objects are not allowed");
    for (const key of keys) {
      const value = object[key];
      if (key === OR && this.dialect.allowsOr) {
        this.readOr(rules, value, prefix);
        continue;
      }
      if (insideOr && RESERVED_IN_OR.has(key)) {
        throw invalidPattern(`${key} is Ruler reserved fieldName which cannot be used inside $or.`);
      }
      const path = prefix === "" ? key : `${prefix}.${key}`;
      if (isJsonObject(value)) {
        this.readObject(rules, value, path, insideOr);
      } else if (Array.isArray(value)) {
        const condition = this.readValues(path, value);
        if (rules.length === 0) rules.push(new Map());
        for (const rule of rules) rule.set(path, condition);
      } else {
        throw invalidPattern(`"${key}" must be an object or an array`);
      }
    }
  }

  private readOr(rules: Rules, alternatives: unknown, prefix: string): void {
    if (!Array.isArray(alternatives))
      throw invalidPattern("It must be an Array followed with $or.");
    const before = rules.splice(0).map((rule) => new Map(rule));
    for (const alternative of alternatives) {
      if (!isJsonObject(alternative)) {
        throw invalidPattern("Only JSON object is allowed in array of $or relationship.");
      }
      const forked = before.length === 0 ? [new Map()] : before.map((rule) => new Map(rule));
      this.readObject(forked, alternative, prefix, true);
      rules.push(...forked);
    }
    if (alternatives.length < 2) {
      throw invalidPattern("There must have at least 2 Objects in $or relationship.");
    }
  }

  private readValues(path: string, values: readonly unknown[]): FieldCondition {
    if (values.length === 0) throw invalidPattern("Empty arrays are not allowed");
    const exact = new Set<JsonScalar>();
    const tests: LeafTest[] = [];
    let allowsAbsence = false;
    let broad = true;
    for (const value of values) {
      const condition = this.readValue(value);
      if (condition === undefined) {
        exact.add(value as JsonScalar);
        broad = false;
      } else if (condition.kind === "absent") {
        allowsAbsence = true;
      } else {
        tests.push(condition.test);
        broad &&= condition.broad;
      }
    }
    return { path, test: combine(exact, tests), allowsAbsence, broad };
  }

  /** The condition for one list entry; undefined for a value matched exactly. */
  private readValue(value: unknown): ValueCondition | undefined {
    if (isJsonObject(value)) return compileMatchExpression(value, this.dialect);
    if (typeof value === "string") {
      // AWS compares a value written as an IP address by address, whatever its spelling.
      const address = ipAddressHex(value);
      return address === undefined
        ? undefined
        : { kind: "test", test: sameIpAddress(address), broad: false };
    }
    if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean") {
      return undefined;
    }
    if (value === null) return undefined;
    throw invalidPattern("Match value must be String, number, true, false, or null");
  }
}

function combine(exact: ReadonlySet<JsonScalar>, tests: readonly LeafTest[]): LeafTest | undefined {
  const [only] = tests;
  if (exact.size === 0) {
    if (tests.length <= 1) return only;
    return (leaf) => tests.some((test) => test(leaf));
  }
  if (tests.length === 0) return (leaf) => exact.has(leaf);
  return (leaf) => exact.has(leaf) || tests.some((test) => test(leaf));
}

function sameIpAddress(address: string): LeafTest {
  return (leaf) => typeof leaf === "string" && ipAddressHex(leaf) === address;
}
