import {
  compileLogsFilterPattern,
  InvalidLogsFilterPatternError,
  validateLogsFilterPattern,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { readCorpus, readKnownFailures } from "../../../../../test/support/corpora.js";

interface MatchCase {
  category: string;
  pattern: string;
  message: string;
  expect: boolean;
  extractedFields?: Record<string, string>;
}

interface InvalidCase {
  pattern: string;
  note: string;
}

const corpus = readCorpus<{ cases: MatchCase[]; invalidPatterns: InvalidCase[] }>(
  "logs-filter-patterns.json",
);
const knownFailures = readKnownFailures("logs-filter-patterns.json");

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
const test = (id: string) => (id in knownFailures ? it.fails : it);

describe("logs-filter-patterns corpus", () => {
  corpus.cases.forEach((testCase, index) => {
    const id = `cases[${index}]`;
    const name = `${id} ${testCase.category}: ${testCase.pattern} on ${shorten(testCase.message)}`;
    test(id)(name, () => {
      const match = compileLogsFilterPattern(testCase.pattern)(testCase.message);
      expect(match !== null).toBe(testCase.expect);
      if (testCase.extractedFields)
        expect(match?.extractedFields).toEqual(testCase.extractedFields);
    });
  });

  corpus.invalidPatterns.forEach((testCase, index) => {
    const id = `invalidPatterns[${index}]`;
    test(id)(`${id} rejects ${testCase.pattern} (${testCase.note})`, () => {
      expect(() => validateLogsFilterPattern(testCase.pattern)).toThrow(
        InvalidLogsFilterPatternError,
      );
      expect(() => compileLogsFilterPattern(testCase.pattern)).toThrow(
        InvalidLogsFilterPatternError,
      );
    });
  });
});
