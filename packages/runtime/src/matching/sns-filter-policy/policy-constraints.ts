import { allFields, type PolicyNode } from "./policy-ast.js";
import { rejectPolicy, rejectRequest } from "./policy-rejection.js";
import type { FilterPolicyScope } from "./types.js";

const MAX_KEYS = 5;
const MAX_COMBINATIONS = 150;

export function checkFilterPolicyScope(scope: string): asserts scope is FilterPolicyScope {
  if (scope !== "MessageAttributes" && scope !== "MessageBody") {
    rejectRequest(
      `FilterPolicyScope: Invalid value [${scope}]. Please use either MessageBody or MessageAttributes`,
    );
  }
}

/** Only `MessageBody` policies may nest objects. */
export function checkPolicyNesting(policy: PolicyNode, scope: FilterPolicyScope): void {
  if (scope === "MessageAttributes" && [...allFields(policy)].some((f) => f.path.length > 1)) {
    rejectRequest("Filter policy scope MessageAttributes does not support nested filter policy");
  }
}

/** SNS's size limits, checked in the order SNS reports them. */
export function checkPolicyLimits(policy: PolicyNode): void {
  if (topLevelKeys(policy).size > MAX_KEYS) {
    rejectPolicy(`Filter policy can not have more than ${MAX_KEYS} keys`);
  }
  if (policyCombinations(policy) > MAX_COMBINATIONS) rejectPolicy("Filter policy is too complex");
}

/**
 * Only top-level keys count (nested keys of a `MessageBody` policy do not), across all `$or`
 * branches: the documentation's own `$or` examples stay within five distinct keys.
 */
function topLevelKeys(policy: PolicyNode): Set<string> {
  return new Set(Array.from(allFields(policy), (field) => field.path[0] ?? ""));
}

/**
 * SNS's complexity measure: the product, over the keys, of the number of values times the key's
 * nesting depth; a `$or` contributes the sum of its branches.
 */
export function policyCombinations(node: PolicyNode): number {
  let combinations = 1;
  for (const field of node.fields) combinations *= field.conditions.length * field.path.length;
  for (const branches of node.alternatives) {
    combinations *= branches.reduce((sum, branch) => sum + policyCombinations(branch), 0);
  }
  return combinations;
}
