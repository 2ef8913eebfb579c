export {
  compileFilterPolicy,
  filterPolicyCombinations,
  validateFilterPolicy,
} from "./filter-policy.js";
export type {
  FilterPolicyApi,
  FilterPolicyDocument,
  FilterPolicyMatcher,
  FilterPolicyOptions,
  FilterPolicyScope,
  SnsFilterInput,
  SnsMessageAttribute,
} from "./types.js";
