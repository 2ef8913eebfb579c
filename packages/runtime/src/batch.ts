import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  KinesisStreamBatchResponse,
  KinesisStreamRecord,
  SQSBatchItemFailure,
  SQSBatchResponse,
  SQSRecord,
} from "aws-lambda";
import type { DomovoiContext, Handler } from "./context.js";
import { BatchFailedError, DomovoiError, MalformedEventError } from "./errors.js";

export type BatchRecord = SQSRecord | KinesisStreamRecord | DynamoDBRecord;
export type BatchResponse = SQSBatchResponse | KinesisStreamBatchResponse | DynamoDBBatchResponse;
export type RecordHandler<R extends BatchRecord> = (
  record: R,
  context: DomovoiContext,
) => Promise<unknown> | unknown;

export interface PerRecordOptions {
  /**
   * FIFO queues are processed in order and, after a failure, the records behind it are failed
   * without being processed so that they keep their order: all of them (`"batch"`, the default),
   * or only those of the failed record's message group (`"message-group"`).
   */
  readonly fifoFailure?: "batch" | "message-group";
}

// Symbol.for, so that the mark survives two copies of the runtime in one bundle.
const REPORTS_BATCH_ITEM_FAILURES = Symbol.for("domovoi.reportBatchItemFailures");

/** Whether the handler answers with `batchItemFailures` (it was made by {@link perRecord}). */
export function reportsBatchItemFailures(handler: unknown): boolean {
  return typeof handler === "function" && REPORTS_BATCH_ITEM_FAILURES in handler;
}

/**
 * Turns a per-record handler into a batch handler for SQS, Kinesis or DynamoDB that returns
 * `{ batchItemFailures }` naming the records that failed, so that only those are retried. The
 * result is marked so that the manifest asks for `ReportBatchItemFailures` on its mapping, and
 * keeps the record handler's name, which names the registration.
 */
export function perRecord<R extends BatchRecord>(
  recordHandler: RecordHandler<R>,
  options: PerRecordOptions = {},
): Handler<{ Records: R[] }, BatchResponse> {
  const handler = async (event: { Records: R[] }, context: DomovoiContext) => {
    const records = event?.Records;
    if (!Array.isArray(records)) {
      throw new MalformedEventError("Records", "an array of records", typeof records);
    }
    // Read before any record runs: a failure that could not be reported would fail them all.
    const ids = records.map(itemIdentifierOf);
    const outcomes = isFifo(records)
      ? await inOrder(records, context, recordHandler, options.fifoFailure ?? "batch")
      : await Promise.allSettled(records.map(async (record) => recordHandler(record, context)));
    return batchResponse(ids, outcomes, context);
  };
  Object.defineProperty(handler, "name", { value: recordHandler.name });
  Object.defineProperty(handler, REPORTS_BATCH_ITEM_FAILURES, { value: true });
  return handler;
}

type Outcome = PromiseSettledResult<unknown>;

function isFifo(records: readonly BatchRecord[]): boolean {
  return records.some((record) => messageGroup(record) !== undefined);
}

function messageGroup(record: BatchRecord): string | undefined {
  return "attributes" in record ? record.attributes?.MessageGroupId : undefined;
}

/** Runs each message group in order; groups run concurrently unless the batch fails as one. */
async function inOrder<R extends BatchRecord>(
  records: readonly R[],
  context: DomovoiContext,
  recordHandler: RecordHandler<R>,
  fifoFailure: "batch" | "message-group",
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(records.length);
  const lanes = new Map<string, number[]>();
  records.forEach((record, index) => {
    const lane = fifoFailure === "batch" ? "" : (messageGroup(record) ?? "");
    const indexes = lanes.get(lane) ?? [];
    indexes.push(index);
    lanes.set(lane, indexes);
  });
  await Promise.all(
    [...lanes.values()].map(async (indexes) => {
      let failure: unknown;
      let failed = false;
      for (const index of indexes) {
        if (failed) {
          outcomes[index] = { status: "rejected", reason: new SkippedRecordError(failure) };
          continue;
        }
        try {
          outcomes[index] = {
            status: "fulfilled",
            value: await recordHandler(records[index]!, context),
          };
        } catch (error) {
          outcomes[index] = { status: "rejected", reason: error };
          failure = error;
          failed = true;
        }
      }
    }),
  );
  return outcomes;
}

/** A FIFO record left unprocessed because one before it in its group failed. */
class SkippedRecordError extends DomovoiError {
  constructor(cause: unknown) {
    super("Not processed: an earlier record of this FIFO batch failed.", { cause });
  }
}

function batchResponse(
  ids: readonly string[],
  outcomes: readonly Outcome[],
  context: DomovoiContext,
): BatchResponse {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  const errors: unknown[] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.status === "fulfilled") return;
    const itemIdentifier = ids[index]!;
    batchItemFailures.push({ itemIdentifier });
    errors.push(outcome.reason);
    if (typeof context?.log === "function") {
      context.log({ batchItemFailure: itemIdentifier, error: outcome.reason });
    }
  });
  if (ids.length > 0 && errors.length === ids.length) {
    throw new BatchFailedError(`All ${ids.length} records of the batch failed.`, errors);
  }
  return { batchItemFailures };
}

// Where each source keeps a record's identifier: for streams, the point Lambda resumes from.
const IDENTIFIER_BY_EVENT_SOURCE: Readonly<Record<string, readonly string[]>> = {
  "aws:sqs": ["messageId"],
  "aws:kinesis": ["kinesis", "sequenceNumber"],
  "aws:dynamodb": ["dynamodb", "SequenceNumber"],
};

/** The identifier Lambda expects in `batchItemFailures` for a record of an SQS, Kinesis or DynamoDB batch. */
export function itemIdentifierOf(record: BatchRecord, index: number): string {
  const source = (record as { eventSource?: unknown } | null)?.eventSource;
  const path = typeof source === "string" ? IDENTIFIER_BY_EVENT_SOURCE[source] : undefined;
  if (path === undefined) {
    throw new MalformedEventError(
      `Records[${index}].eventSource`,
      '"aws:sqs", "aws:kinesis" or "aws:dynamodb"',
      typeof source === "string" ? JSON.stringify(source) : typeof source,
    );
  }
  const id = path.reduce<unknown>(
    (value, key) => (value as Record<string, unknown> | undefined)?.[key],
    record,
  );
  if (typeof id !== "string" || id === "") {
    throw new MalformedEventError(
      `Records[${index}].${path.join(".")}`,
      "a non-empty string",
      id === "" ? "empty" : typeof id,
    );
  }
  return id;
}
