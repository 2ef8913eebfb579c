import type { StreamMappingOptions } from "@domovoi/runtime";
import {
  compileFilterCriteria,
  type FilterSource,
  type RecordFilter,
} from "@domovoi/runtime/matching";
import { AwsServiceError } from "../errors.js";

/** A stream registration's mapping options; every option left out takes Lambda's default. */
export type StreamMappingConfig = Partial<StreamMappingOptions>;

export interface StreamMappingSettings {
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  readonly startingPosition: "TRIM_HORIZON" | "LATEST";
  readonly bisectBatchOnFunctionError: boolean;
  /** -1: retry until the records leave the stream. */
  readonly maximumRetryAttempts: number;
  /** -1: no age limit. */
  readonly maximumRecordAgeMs: number;
  readonly filter: RecordFilter | undefined;
  readonly reportBatchItemFailures: boolean;
}

const MAX_BATCH_SIZE = 10_000;
const MAX_BATCHING_WINDOW = 300;
const MAX_RETRY_ATTEMPTS = 10_000;
const MIN_RECORD_AGE = 60;
const MAX_RECORD_AGE = 604_800;

/** Checks a stream mapping's configuration as CreateEventSourceMapping does, with its errors. */
export function streamMappingSettings(
  config: StreamMappingConfig,
  source: FilterSource,
): StreamMappingSettings {
  const batchSize = config.batchSize ?? 100;
  const window = config.maximumBatchingWindowInSeconds ?? 0;
  const retries = config.maximumRetryAttempts ?? -1;
  const age = config.maximumRecordAgeInSeconds ?? -1;
  checkRange("BatchSize", batchSize, 1, MAX_BATCH_SIZE);
  checkRange("MaximumBatchingWindowInSeconds", window, 0, MAX_BATCHING_WINDOW);
  checkRange("MaximumRetryAttempts", retries, -1, MAX_RETRY_ATTEMPTS);
  if (age !== -1) checkRange("MaximumRecordAgeInSeconds", age, MIN_RECORD_AGE, MAX_RECORD_AGE);
  return {
    batchSize,
    batchingWindowMs: window * 1000,
    startingPosition: config.startingPosition ?? "LATEST",
    bisectBatchOnFunctionError: config.bisectBatchOnFunctionError ?? false,
    maximumRetryAttempts: retries,
    maximumRecordAgeMs: age === -1 ? -1 : age * 1000,
    filter: config.filterCriteria && compileFilterCriteria(config.filterCriteria, source),
    reportBatchItemFailures: config.reportBatchItemFailures ?? false,
  };
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AwsServiceError(
      "InvalidParameterValueException",
      `${name} must be an integer between ${min} and ${max}, got ${value}.`,
    );
  }
}
