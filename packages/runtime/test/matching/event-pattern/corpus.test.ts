import {
  InvalidEventError,
  InvalidEventPatternError,
  testEventPattern,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";
import { thrownBy } from "../support/thrown-by.js";

interface PatternCase {
  readonly name: string;
  readonly event: unknown;
  readonly pattern: object | null;
  readonly eventRaw?: string;
  readonly patternRaw?: string;
  readonly expect: "match" | "no-match" | "error";
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

const { cases } = readCorpus<{ cases: PatternCase[] }>("eventbridge-patterns.json");
const knownFailures = readKnownFailures("eventbridge-patterns.json");

describe("eventbridge-patterns.json (TestEventPattern recorded against AWS)", () => {
  for (const testCase of cases) {
    const run = knownFailures[testCase.name] === undefined ? it : it.fails;
    run(testCase.name, () => {
      // The raw texts are what was sent to AWS (duplicate keys, 300.0 vs 300).
      const pattern = testCase.patternRaw ?? testCase.pattern ?? {};
      const event = testCase.eventRaw ?? testCase.event;
      const outcome = () => testEventPattern(pattern, event);
      if (testCase.expect === "error") {
        const errorClass =
          testCase.errorCode === "ValidationException"
            ? InvalidEventError
            : InvalidEventPatternError;
        const error = thrownBy(outcome);
        expect(error).toBeInstanceOf(errorClass);
        expect(error.message).toBe(testCase.errorMessage);
      } else {
        expect(outcome()).toBe(testCase.expect === "match");
      }
    });
  }
});
