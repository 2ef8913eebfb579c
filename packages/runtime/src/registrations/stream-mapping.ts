import { reportsBatchItemFailures } from "../batch.js";
import { RegistrationError } from "../errors.js";
import type { FilterCriteria, StartingPosition, StreamMappingOptions } from "../manifest.js";
import { checkBoolean, checkInteger, checkOneOf, describe } from "./checks.js";
import { checkFilterCriteria } from "./filter-criteria.js";

/** Event source mapping options that DynamoDB and Kinesis streams share. */
export interface StreamOptions {
  readonly name?: string;
  /** 1 to 10,000; default 100. */
  readonly batchSize?: number;
  /** 0 to 300; default 0. */
  readonly maximumBatchingWindowInSeconds?: number;
  /** Default `LATEST`: a new mapping does not replay the stream's past day of records. */
  readonly startingPosition?: StartingPosition;
  /** Concurrent batches per shard, 1 to 10; default 1. */
  readonly parallelizationFactor?: number;
  /** Split a failing batch in two and retry each half; default false. */
  readonly bisectBatchOnFunctionError?: boolean;
  /** -1 (until the record expires, the default) or 0 to 10,000. */
  readonly maximumRetryAttempts?: number;
  /** -1 (until the record expires, the default) or 60 to 604,800. */
  readonly maximumRecordAgeInSeconds?: number;
  readonly filterCriteria?: FilterCriteria;
}

export const STREAM_OPTION_NAMES = [
  "name",
  "batchSize",
  "maximumBatchingWindowInSeconds",
  "startingPosition",
  "parallelizationFactor",
  "bisectBatchOnFunctionError",
  "maximumRetryAttempts",
  "maximumRecordAgeInSeconds",
  "filterCriteria",
] as const;

const STARTING_POSITIONS = ["TRIM_HORIZON", "LATEST"] as const;

export function streamMappingOptions(
  where: string,
  options: StreamOptions,
  handler: unknown,
): StreamMappingOptions {
  return {
    batchSize: checkInteger(options.batchSize ?? 100, `${where} batchSize`, 1, 10_000),
    maximumBatchingWindowInSeconds: checkInteger(
      options.maximumBatchingWindowInSeconds ?? 0,
      `${where} maximumBatchingWindowInSeconds`,
      0,
      300,
    ),
    startingPosition: checkOneOf(
      options.startingPosition ?? "LATEST",
      `${where} startingPosition`,
      STARTING_POSITIONS,
    ),
    parallelizationFactor: checkInteger(
      options.parallelizationFactor ?? 1,
      `${where} parallelizationFactor`,
      1,
      10,
    ),
    bisectBatchOnFunctionError: checkBoolean(
      options.bisectBatchOnFunctionError ?? false,
      `${where} bisectBatchOnFunctionError`,
    ),
    maximumRetryAttempts: checkInteger(
      options.maximumRetryAttempts ?? -1,
      `${where} maximumRetryAttempts`,
      -1,
      10_000,
    ),
    maximumRecordAgeInSeconds: recordAge(where, options.maximumRecordAgeInSeconds ?? -1),
    ...(options.filterCriteria !== undefined && {
      filterCriteria: checkFilterCriteria(options.filterCriteria, `${where} filterCriteria`),
    }),
    reportBatchItemFailures: reportsBatchItemFailures(handler),
  };
}

function recordAge(where: string, value: unknown): number {
  if (value === -1) return value;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 60 || value > 604_800) {
    throw new RegistrationError(
      `${where} maximumRecordAgeInSeconds must be -1 or an integer from 60 to 604800, got ${describe(value)}.`,
    );
  }
  return value;
}
