import { compileFilterPolicy, type SnsFilterInput } from "@domovoi/runtime/matching";
import { describe, expect } from "vitest";
import { corpus, runnerFor } from "./corpus.js";

// These two groups describe LocalStack's internal flattening helpers. The engine does not flatten
// that way (it compiles the policy tree and reads only the paths it needs), so each case is
// checked through what flattening is for: which messages a policy selects.

const bodyMatcher = (policy: object) => compileFilterPolicy(policy, { scope: "MessageBody" });

describe("sns-filter-policies.json flattenPayload (observable through MessageBody matching)", () => {
  corpus.flattenPayload.cases.forEach((testCase, index) => {
    const caseId = `flattenPayload[${index}] ${JSON.stringify(testCase.payload)}`;
    runnerFor(caseId)(caseId, () => {
      const message = { message: JSON.stringify(testCase.payload) };
      // Each flattened combination, read as a policy of dotted keys, selects the payload.
      for (const combination of testCase.expected.filter((c) => Object.keys(c).length > 0)) {
        expect(bodyMatcher(withValueArrays(combination))(message)).toBe(true);
      }
      // A policy key the flattening did not find has no value in the payload.
      const found = new Set(testCase.expected.flatMap((combination) => Object.keys(combination)));
      const missing = testCase.flatPolicy.flatMap(Object.keys).filter((key) => !found.has(key));
      for (const key of missing) {
        expect(bodyMatcher({ [key]: [{ exists: true }] })(message)).toBe(false);
        expect(bodyMatcher({ [key]: [{ exists: false }] })(message)).toBe(true);
      }
    });
  });
});

describe("sns-filter-policies.json flattenPolicy (observable through MessageBody matching)", () => {
  corpus.flattenPolicy.cases.forEach((testCase, index) => {
    const caseId = `flattenPolicy[${index}] ${JSON.stringify(testCase.policy)}`;
    runnerFor(caseId)(caseId, () => {
      const policy = bodyMatcher(withValueArrays(testCase.policy));
      const branches = testCase.expected.map((branch) => bodyMatcher(withValueArrays(branch)));
      // The nested / $or policy selects exactly what one of its flat branches selects.
      for (const probe of testCase.expected.flatMap(probeMessages)) {
        expect(policy(probe)).toBe(branches.some((branch) => branch(probe)));
      }
    });
  });
});

/** LocalStack's helpers accept the shorthand `"key": "value"`, which SNS rejects; here it is `["value"]`. */
function withValueArrays(policy: object): object {
  return Object.fromEntries(
    Object.entries(policy).map(([key, value]) => {
      if (key === "$or" && Array.isArray(value)) return [key, value.map(withValueArrays)];
      if (Array.isArray(value)) return [key, value];
      return [key, typeof value === "object" && value !== null ? withValueArrays(value) : [value]];
    }),
  );
}

/** A body carrying one branch's first string per key, nested along the dots, and the same body missing each key in turn. */
function probeMessages(branch: Readonly<Record<string, unknown>>): SnsFilterInput[] {
  const entries = Object.entries(branch).map(([key, value]) => [key, firstString(value)] as const);
  const bodies = [
    entries,
    ...entries.map((_, skipped) => entries.filter((__, i) => i !== skipped)),
  ];
  return bodies.map((body) => ({ message: JSON.stringify(nestedBody(body)) }));
}

function nestedBody(entries: readonly (readonly [string, string | undefined])[]): object {
  const body: Record<string, unknown> = {};
  for (const [dottedKey, value] of entries) {
    const keys = dottedKey.split(".");
    const leafKey = keys.pop() ?? dottedKey;
    let parent = body;
    for (const key of keys) {
      parent[key] ??= {};
      parent = parent[key] as Record<string, unknown>;
    }
    parent[leafKey] = value;
  }
  return body;
}

function firstString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null) return undefined;
  for (const child of Object.values(value)) {
    const found = firstString(child);
    if (found !== undefined) return found;
  }
  return undefined;
}
