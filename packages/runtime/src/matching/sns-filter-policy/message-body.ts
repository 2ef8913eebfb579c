import {
  isJsonObject,
  isJsonScalar,
  type JsonObject,
  type JsonScalar,
  parseJson,
} from "../shared/json-value.js";
import { compilePolicy } from "./compile-policy.js";
import { allFields, fieldKey, type PolicyNode } from "./policy-ast.js";
import type { FilterPolicyMatcher } from "./types.js";

/** The dotted keys a policy reads, and every dotted prefix that leads to one of them. */
interface PolicyPaths {
  readonly keys: ReadonlySet<string>;
  readonly prefixes: ReadonlySet<string>;
}

/**
 * A `MessageBody` matcher. The body is flattened to dotted keys (`{"a": {"b": 1}}` and
 * `{"a.b": 1}` both give `a.b`), arrays contributing each of their elements; only the branches
 * the policy can read are visited.
 */
export function compileBodyMatcher(policy: PolicyNode): FilterPolicyMatcher {
  const keys = new Set(Array.from(allFields(policy), fieldKey));
  if (keys.size === 0) return () => true;
  const paths = { keys, prefixes: new Set([...keys].flatMap(dottedPrefixes)) };
  const predicate = compilePolicy(policy);
  return ({ message }) => {
    const body = typeof message === "string" ? parseJson(message) : undefined;
    if (!isJsonObject(body)) return false;
    const values = flattenBody(body, paths);
    return predicate((key) => values.get(key));
  };
}

function dottedPrefixes(key: string): string[] {
  const segments = key.split(".");
  return segments.map((_, index) => segments.slice(0, index + 1).join("."));
}

function flattenBody(body: JsonObject, paths: PolicyPaths): Map<string, JsonScalar[]> {
  const values = new Map<string, JsonScalar[]>();
  const visitObject = (object: JsonObject, keyPrefix: string): void => {
    for (const [key, child] of Object.entries(object)) {
      const path = keyPrefix + key;
      if (paths.prefixes.has(path)) visit(child, path);
    }
  };
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const element of value) visit(element, path);
    } else if (isJsonObject(value)) {
      visitObject(value, `${path}.`);
    } else if (isJsonScalar(value) && paths.keys.has(path)) {
      const leaves = values.get(path);
      if (leaves === undefined) values.set(path, [value]);
      else leaves.push(value);
    }
  };
  visitObject(body, "");
  return values;
}
