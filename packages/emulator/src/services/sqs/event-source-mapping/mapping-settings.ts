import {
  compileFilterCriteria,
  type FilterCriteria,
  type RecordFilter,
} from "@domovoi/runtime/matching";
import { AwsServiceError } from "../../errors.js";
import type { FunctionInvoker } from "../../function-invoker.js";
import { isFifoName } from "../queue-names.js";
import type { SqsBackend } from "../sqs-backend.js";

export interface SqsEventSourceMappingOptions {
  readonly backend: SqsBackend;
  /** The queue to poll; it may be created, deleted or recreated while the mapping runs. */
  readonly queueArn: string;
  readonly invoker: FunctionInvoker;
  /** Records per invocation: 1 to 10 for FIFO queues, 1 to 10,000 for standard ones. Default 10. */
  readonly batchSize?: number;
  /** Seconds to gather a batch (0 to 300, standard queues only). Default 0. */
  readonly maximumBatchingWindowInSeconds?: number;
  /** Concurrent invocations at most (2 to 1,000). Default 5, Lambda's initial concurrency. */
  readonly maximumConcurrency?: number;
  readonly filterCriteria?: FilterCriteria;
  /** `FunctionResponseTypes: ["ReportBatchItemFailures"]`: read partial batch responses. */
  readonly reportBatchItemFailures?: boolean;
  /** The version or alias to invoke; none means `$LATEST`. */
  readonly qualifier?: string;
  /** Receives the mapping's own failures (bugs). Default: rethrown, as a timer would. */
  readonly onError?: (error: unknown) => void;
}

export interface MappingSettings {
  readonly batchSize: number;
  readonly batchingWindowMs: number;
  readonly concurrency: number;
  readonly filter: RecordFilter | undefined;
  readonly reportBatchItemFailures: boolean;
}

const DEFAULT_BATCH_SIZE = 10;
const DEFAULT_CONCURRENCY = 5;
const MAX_FIFO_BATCH_SIZE = 10;
const MAX_STANDARD_BATCH_SIZE = 10_000;
const MAX_BATCHING_WINDOW = 300;
const MIN_CONCURRENCY = 2;
const MAX_CONCURRENCY = 1000;

/** Checks a mapping's configuration as CreateEventSourceMapping does, with its error. */
export function mappingSettings(options: SqsEventSourceMappingOptions): MappingSettings {
  const fifo = isFifoName(options.queueArn);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const window = options.maximumBatchingWindowInSeconds ?? 0;
  const maxBatch = fifo ? MAX_FIFO_BATCH_SIZE : MAX_STANDARD_BATCH_SIZE;
  checkRange("BatchSize", batchSize, 1, maxBatch);
  checkRange("MaximumBatchingWindowInSeconds", window, 0, MAX_BATCHING_WINDOW);
  if (fifo && window > 0) {
    throw invalidParameter("Batching window is not supported for FIFO queues.");
  }
  if (batchSize > MAX_FIFO_BATCH_SIZE && window === 0) {
    throw invalidParameter(
      "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10",
    );
  }
  const concurrency = options.maximumConcurrency;
  if (concurrency !== undefined) {
    checkRange("MaximumConcurrency", concurrency, MIN_CONCURRENCY, MAX_CONCURRENCY);
  }
  return {
    batchSize,
    batchingWindowMs: window * 1000,
    concurrency: concurrency ?? DEFAULT_CONCURRENCY,
    filter: options.filterCriteria && compileFilterCriteria(options.filterCriteria, "sqs"),
    reportBatchItemFailures: options.reportBatchItemFailures ?? false,
  };
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(`${name} must be an integer between ${min} and ${max}, got ${value}.`);
  }
}

function invalidParameter(message: string): AwsServiceError {
  return new AwsServiceError("InvalidParameterValueException", message);
}
