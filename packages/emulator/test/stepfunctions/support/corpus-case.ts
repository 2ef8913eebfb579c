import { readCorpus } from "../../../../../test/support/corpora.js";

/** A snapshot transformer LocalStack's recorder applied to the AWS-recorded values. */
export type SnapshotTransformer =
  | { readonly type: "regex"; readonly regex: string; readonly replacement: string }
  | { readonly type: "jsonpath"; readonly jsonpath: string; readonly replacement: string }
  | { readonly type: "keyvalue"; readonly key: string; readonly replacement: string };

/** One AWS-recorded execution of `stepfunctions/*.json` (see the corpus README). */
export interface StepFunctionsCase {
  readonly name: string;
  readonly origin: string;
  readonly definition: Readonly<Record<string, unknown>>;
  readonly definitionRaw?: string;
  readonly input: unknown;
  readonly inputRaw?: string;
  readonly expect: {
    readonly output?: unknown;
    readonly error?: string | null;
    readonly cause?: unknown;
    readonly causeIsJson?: boolean;
    readonly status?: string;
  };
  readonly stateMachineType?: "EXPRESS";
  readonly lambdas?: Readonly<Record<string, { readonly source: string }>>;
  readonly stateMachineName: string;
  readonly executionName: string;
  readonly snapshotTransformers?: readonly SnapshotTransformer[];
  readonly placeholders: boolean;
}

export interface StepFunctionsCorpus {
  readonly defaultSnapshotTransformers: readonly SnapshotTransformer[];
  readonly cases: readonly StepFunctionsCase[];
}

export const CORPUS_FILES = [
  "base",
  "choice-operators",
  "error-handling",
  "intrinsic-functions",
  "jsonata",
  "lambda-tasks",
  "scenarios",
  "variables",
] as const;

export function readStepFunctionsCorpus(file: string): StepFunctionsCorpus {
  return readCorpus<StepFunctionsCorpus>(`stepfunctions/${file}.json`);
}
