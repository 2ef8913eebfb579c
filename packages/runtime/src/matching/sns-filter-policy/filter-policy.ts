import { InvalidFilterPolicyError } from "../errors.js";
import { compileAttributesMatcher } from "./message-attributes.js";
import { compileBodyMatcher } from "./message-body.js";
import { parseFilterPolicy } from "./parse-policy.js";
import type { PolicyNode } from "./policy-ast.js";
import {
  checkFilterPolicyScope,
  checkPolicyLimits,
  checkPolicyNesting,
  policyCombinations,
} from "./policy-constraints.js";
import { PolicyRejection } from "./policy-rejection.js";
import type {
  FilterPolicyApi,
  FilterPolicyDocument,
  FilterPolicyMatcher,
  FilterPolicyOptions,
  FilterPolicyScope,
} from "./types.js";

const DEFAULT_SCOPE: FilterPolicyScope = "MessageAttributes";
const DEFAULT_API: FilterPolicyApi = "Subscribe";

/**
 * Throws InvalidFilterPolicyError, with SNS's message for the given API, when SNS would refuse
 * the policy (or the scope) in `Subscribe` or `SetSubscriptionAttributes`.
 */
export function validateFilterPolicy(
  policy: FilterPolicyDocument,
  options: FilterPolicyOptions = {},
): void {
  checkedPolicy(policy, options);
}

/** Validates the policy, then compiles it once into a matcher for published messages. */
export function compileFilterPolicy(
  policy: FilterPolicyDocument,
  options: FilterPolicyOptions = {},
): FilterPolicyMatcher {
  const node = checkedPolicy(policy, options);
  return options.scope === "MessageBody"
    ? compileBodyMatcher(node)
    : compileAttributesMatcher(node);
}

/**
 * SNS's complexity measure of a well-formed policy (the number SNS limits to 150): values per
 * key multiplied across keys, weighted by nesting depth, with `$or` branches added up. Throws
 * InvalidFilterPolicyError for a malformed policy, but not for one over SNS's limits.
 */
export function filterPolicyCombinations(
  policy: FilterPolicyDocument,
  scope: FilterPolicyScope = DEFAULT_SCOPE,
): number {
  return withApiMessages(DEFAULT_API, () => policyCombinations(wellFormedPolicy(policy, scope)));
}

function checkedPolicy(
  policy: FilterPolicyDocument,
  { scope = DEFAULT_SCOPE, api = DEFAULT_API }: FilterPolicyOptions,
): PolicyNode {
  return withApiMessages(api, () => {
    const node = wellFormedPolicy(policy, scope);
    checkPolicyLimits(node);
    return node;
  });
}

function wellFormedPolicy(policy: FilterPolicyDocument, scope: FilterPolicyScope): PolicyNode {
  checkFilterPolicyScope(scope);
  const node = parseFilterPolicy(policy);
  checkPolicyNesting(node, scope);
  return node;
}

function withApiMessages<T>(api: FilterPolicyApi, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PolicyRejection)) throw error;
    const prefix =
      api === "SetSubscriptionAttributes"
        ? "Invalid parameter: "
        : "Invalid parameter: Attributes Reason: ";
    throw new InvalidFilterPolicyError(prefix + error.message);
  }
}
