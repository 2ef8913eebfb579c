import {
  type FilterPolicyScope,
  filterPolicyCombinations,
  InvalidFilterPolicyError,
  validateFilterPolicy,
} from "@domovoi/runtime/matching";
import { describe, expect } from "vitest";
import { thrownBy } from "../support/thrown-by.js";
import { corpus, corpusApi, runnerFor } from "./corpus.js";

describe("sns-filter-policies.json validation (Subscribe / SetSubscriptionAttributes recorded against AWS)", () => {
  corpus.validation.cases.forEach((testCase, index) => {
    const caseId = `validation[${index}] ${testCase.name ?? `valid: ${testCase.origin}`}`;
    runnerFor(caseId)(caseId, () => {
      // One case sets only FilterPolicyScope: the subscription then has no policy.
      const policy = testCase.policy ?? {};
      const scope = (testCase.scope ?? testCase.attributeValue) as FilterPolicyScope;
      const validate = () => validateFilterPolicy(policy, { scope, api: corpusApi(testCase.api) });
      if (testCase.expect === "valid") {
        expect(validate).not.toThrow();
        return;
      }
      const error = thrownBy(validate);
      expect(error).toBeInstanceOf(InvalidFilterPolicyError);
      expect((error as InvalidFilterPolicyError).code).toBe(testCase.errorCode);
      expect(error.message).toBe(testCase.errorMessage);
    });
  });
});

describe("sns-filter-policies.json complexity (examples of the SNS developer guide)", () => {
  corpus.complexity.cases.forEach((testCase, index) => {
    const caseId = `complexity[${index}] ${testCase.scope} ${testCase.combinations}`;
    runnerFor(caseId)(caseId, () => {
      expect(filterPolicyCombinations(testCase.policy, testCase.scope)).toBe(testCase.combinations);
    });
  });
});
