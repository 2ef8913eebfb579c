import { isJsonObject, type JsonObject, parseJson } from "../shared/json-value.js";
import { parseMatchExpression } from "./parse-match-expression.js";
import type { Condition, FieldRule, PolicyNode } from "./policy-ast.js";
import { rejectPolicy } from "./policy-rejection.js";
import type { FilterPolicyDocument } from "./types.js";

const OR = "$or";
const MIN_OR_BRANCHES = 2;
// Inside `$or` branches these names would be ambiguous, so SNS then reads `$or` as a plain key.
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  "anything-but",
  "cidr",
  "equals-ignore-case",
  "exactly",
  "exists",
  "numeric",
  "prefix",
  "suffix",
  "wildcard",
  "=",
  "<",
  "<=",
  ">",
  ">=",
]);

const EMPTY_POLICY: PolicyNode = { fields: [], alternatives: [] };

/**
 * Parses a policy with SNS's grammar, reporting the first problem in document order as SNS does.
 * Scope-dependent limits (nesting, key count, complexity) are checked afterwards.
 * An empty policy (`""` or `{}`) is valid and has no conditions.
 */
export function parseFilterPolicy(document: FilterPolicyDocument): PolicyNode {
  if (document === "") return EMPTY_POLICY;
  const policy = typeof document === "string" ? parseJsonDocument(document) : document;
  if (!isJsonObject(policy)) return rejectPolicy("Filter is not an object");
  return Object.keys(policy).length === 0 ? EMPTY_POLICY : parseObject(policy, []);
}

function parseJsonDocument(text: string): unknown {
  const policy = parseJson(text);
  // JSON.parse never yields `undefined`, so it marks text that is not JSON.
  if (policy === undefined) rejectPolicy("failed to parse JSON.");
  return policy;
}

function parseObject(object: JsonObject, path: readonly string[]): PolicyNode {
  const entries = Object.entries(object);
  if (entries.length === 0) rejectPolicy("Empty objects are not allowed");
  const fields: FieldRule[] = [];
  const alternatives: (readonly PolicyNode[])[] = [];
  for (const [key, value] of entries) {
    if (key === OR && isOrRelationship(value)) {
      alternatives.push(value.map((branch) => parseObject(branch, path)));
    } else if (isJsonObject(value)) {
      const nested = parseObject(value, [...path, key]);
      fields.push(...nested.fields);
      alternatives.push(...nested.alternatives);
    } else if (Array.isArray(value)) {
      fields.push({ path: [...path, key], conditions: parseConditions(value) });
    } else {
      rejectPolicy(`"${key}" must be an object or an array`);
    }
  }
  return { fields, alternatives };
}

function isOrRelationship(value: unknown): value is readonly JsonObject[] {
  return (
    Array.isArray(value) &&
    value.length >= MIN_OR_BRANCHES &&
    value.every((branch) => isJsonObject(branch) && !usesReservedKey(branch))
  );
}

function usesReservedKey(object: JsonObject): boolean {
  return Object.entries(object).some(
    ([key, value]) =>
      RESERVED_KEYS.has(key) || (key !== OR && isJsonObject(value) && usesReservedKey(value)),
  );
}

function parseConditions(values: readonly unknown[]): Condition[] {
  if (values.length === 0) rejectPolicy("Empty arrays are not allowed");
  return values.map(parseCondition);
}

function parseCondition(value: unknown): Condition {
  if (isJsonObject(value)) return parseMatchExpression(value);
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string" || typeof value === "boolean" || value === null) {
    return { kind: "equals", value };
  }
  return rejectPolicy("Match value must be String, number, true, false, or null");
}
