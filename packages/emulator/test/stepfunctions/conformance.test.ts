import { describe, expect, it } from "vitest";
import { readKnownFailures } from "../../../../test/support/corpora.js";
import type { ExecutionResult } from "../../src/stepfunctions/index.js";
import {
  CORPUS_FILES,
  readStepFunctionsCorpus,
  type StepFunctionsCase,
} from "./support/corpus-case.js";
import { runCase } from "./support/run-case.js";
import { normalizeActual, normalizeExpected } from "./support/snapshot-normalizer.js";

/**
 * Every AWS-recorded execution of the Step Functions corpus, replayed through the interpreter
 * with its Python functions played locally, compared after the recorder's normalisation.
 */
for (const file of CORPUS_FILES) {
  const corpus = readStepFunctionsCorpus(file);
  const knownFailures = readKnownFailures(`stepfunctions-${file}.json`);
  describe(`stepfunctions/${file}.json`, () => {
    for (const kase of corpus.cases) {
      const test = kase.name in knownFailures ? it.fails : it;
      test(kase.name, async () => {
        const { result, quirks } = await runCase(kase);
        const normalize = (value: unknown) =>
          normalizeActual(
            value,
            kase.snapshotTransformers ?? [],
            corpus.defaultSnapshotTransformers,
            quirks,
          );
        expect(outcomeOf(result, normalize, kase)).toEqual(expectedOutcome(kase));
      });
    }
  });
}

interface Outcome {
  readonly status: string;
  readonly output?: unknown;
  readonly error?: unknown;
  readonly cause?: unknown;
}

function outcomeOf(
  result: ExecutionResult,
  normalize: (value: unknown) => unknown,
  kase: StepFunctionsCase,
): Outcome {
  if (result.status === "SUCCEEDED")
    return { status: result.status, output: normalize(result.output) };
  const cause =
    kase.expect.causeIsJson && result.cause !== undefined ? JSON.parse(result.cause) : result.cause;
  return {
    status: result.status,
    error: result.error === undefined ? undefined : normalize(result.error),
    cause: cause === undefined ? undefined : normalize(cause),
  };
}

function expectedOutcome(kase: StepFunctionsCase): Outcome {
  const { expect: expected } = kase;
  if ("output" in expected)
    return { status: "SUCCEEDED", output: normalizeExpected(expected.output) };
  return {
    status: expected.status ?? "FAILED",
    error:
      expected.error === null || expected.error === undefined
        ? undefined
        : normalizeExpected(expected.error),
    cause: expected.cause === undefined ? undefined : normalizeExpected(expected.cause),
  };
}
