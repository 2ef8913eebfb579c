import { compileFilterPolicy } from "@domovoi/runtime/matching";
import { describe, expect } from "vitest";
import { corpus, runnerFor, wireAttributes } from "./corpus.js";

describe("sns-filter-policies.json attributeMatching (FilterPolicyScope MessageAttributes)", () => {
  corpus.attributeMatching.cases.forEach((testCase, index) => {
    // Several upstream names repeat, so the index keeps case ids unique.
    const caseId = `attributeMatching[${index}] ${testCase.name}`;
    runnerFor(caseId)(caseId, () => {
      const matches = compileFilterPolicy(testCase.policy, { scope: "MessageAttributes" });
      expect(matches({ messageAttributes: wireAttributes(testCase.messageAttributes) })).toBe(
        testCase.expect,
      );
    });
  });
});

describe("sns-filter-policies.json bodyMatching (FilterPolicyScope MessageBody)", () => {
  corpus.bodyMatching.cases.forEach((testCase, index) => {
    const caseId = `bodyMatching[${index}] ${JSON.stringify(testCase.policy)} on ${JSON.stringify(testCase.payload)}`;
    runnerFor(caseId)(caseId, () => {
      const matches = compileFilterPolicy(testCase.policy, { scope: "MessageBody" });
      expect(matches({ message: JSON.stringify(testCase.payload) })).toBe(testCase.expect);
    });
  });
});
