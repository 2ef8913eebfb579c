import type { FilterSource } from "@domovoi/runtime/matching";
import type { ChangeSignal } from "./change-signal.js";
import type { SequencedRecord, ShardLog } from "./shard-log.js";

/** A stream as an event source mapping sees it at one moment: its ARN and its open shards. */
export interface PolledStream<R extends SequencedRecord> {
  readonly arn: string;
  readonly shards: readonly ShardLog<R>[];
}

/**
 * The stream an event source mapping reads, which may be created, deleted or re-created while
 * the mapping runs (a table's stream gets a new ARN each time it is enabled).
 */
export interface StreamSource<R extends SequencedRecord> {
  /** The stream as it is now, or undefined while there is none. */
  current(): PolledStream<R> | undefined;
  /** Notified when the stream or its shards change. */
  readonly changes: ChangeSignal;
}

/** What tells the streams of one service apart for Lambda: record shape, filter and names. */
export interface StreamKind<R extends SequencedRecord, L> {
  /** How filter criteria read the records (`kinesis` decodes `data`). */
  readonly filterSource: FilterSource;
  /** The key of the batch description in an on-failure invocation record. */
  readonly batchInfoKey: "KinesisBatchInfo" | "DDBStreamBatchInfo";
  /** The record Lambda sends the function for a stored record. */
  lambdaRecord(record: R, shardId: string, streamArn: string): L;
  /** Arrival times as the on-failure invocation record writes them. */
  arrivalTime(arrivalMs: number): string;
}
