import { randomUUID } from "node:crypto";
import type { SequencedRecord } from "./shard-log.js";

/** Why Lambda gave up on a batch. */
export type DiscardCondition = "RetryAttemptsExhausted" | "RecordAgeExceeded";

/**
 * The invocation record Lambda sends to a stream mapping's on-failure destination for a discarded
 * batch: metadata only, pointing at the records by shard and sequence numbers.
 */
export interface StreamFailureRecord {
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: DiscardCondition;
    readonly approximateInvokeCount: number;
  };
  /** Absent when the records were discarded before any invocation. */
  readonly responseContext?: {
    readonly statusCode: number;
    readonly executedVersion: string;
    readonly functionError?: string;
  };
  readonly version: "1.0";
  readonly timestamp: string;
  readonly KinesisBatchInfo?: StreamBatchInfo;
  readonly DDBStreamBatchInfo?: StreamBatchInfo;
}

export interface StreamBatchInfo {
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly approximateArrivalOfFirstRecord: string;
  readonly approximateArrivalOfLastRecord: string;
  readonly batchSize: number;
  readonly streamArn: string;
}

export interface DiscardedBatch<L> {
  readonly invocationRecord: StreamFailureRecord;
  /** The records discarded, as the function would have received them. */
  readonly records: readonly L[];
}

export interface FailureContext {
  readonly functionArn: string;
  readonly batchInfoKey: "KinesisBatchInfo" | "DDBStreamBatchInfo";
  readonly shardId: string;
  readonly streamArn: string;
  readonly arrivalTime: (arrivalMs: number) => string;
  readonly now: number;
}

export interface Discard {
  readonly condition: DiscardCondition;
  readonly invokeCount: number;
  /** The last invocation's failure: a function error, or a partial batch response. */
  readonly lastFailure: "function-error" | "partial" | undefined;
}

export function failureRecord(
  records: readonly SequencedRecord[],
  discard: Discard,
  context: FailureContext,
): StreamFailureRecord {
  const first = records[0]!;
  const last = records.at(-1)!;
  return {
    requestContext: {
      requestId: randomUUID(),
      functionArn: context.functionArn,
      condition: discard.condition,
      approximateInvokeCount: discard.invokeCount,
    },
    ...(discard.lastFailure && {
      responseContext: {
        statusCode: 200,
        executedVersion: "$LATEST",
        ...(discard.lastFailure === "function-error" && { functionError: "Unhandled" }),
      },
    }),
    version: "1.0",
    timestamp: new Date(context.now).toISOString(),
    [context.batchInfoKey]: {
      shardId: context.shardId,
      startSequenceNumber: first.sequenceNumber,
      endSequenceNumber: last.sequenceNumber,
      approximateArrivalOfFirstRecord: context.arrivalTime(first.arrivalMs),
      approximateArrivalOfLastRecord: context.arrivalTime(last.arrivalMs),
      batchSize: records.length,
      streamArn: context.streamArn,
    },
  };
}
