import type { DynamoDBRecord } from "aws-lambda";
import {
  StreamEventSourceMapping,
  type StreamEventSourceMappingOptions,
} from "../streams/stream-event-source-mapping.js";
import type { StreamKind } from "../streams/stream-source.js";
import type { DynamoDbBackend } from "./dynamodb-backend.js";
import type { DynamoDbChangeRecord } from "./stream-record.js";

/** DynamoDB stream records go to Lambda as the stream recorded them. */
export const DYNAMODB_STREAM_KIND: StreamKind<DynamoDbChangeRecord, DynamoDBRecord> = {
  filterSource: "dynamodb",
  batchInfoKey: "DDBStreamBatchInfo",
  // DynamoDB Streams times have whole seconds.
  arrivalTime: (arrivalMs) => new Date(arrivalMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
  lambdaRecord: (change) => change.record,
};

export interface DynamoDbEventSourceMappingOptions
  extends Omit<
    StreamEventSourceMappingOptions<DynamoDbChangeRecord, DynamoDBRecord>,
    "source" | "kind" | "clock" | "trigger"
  > {
  readonly backend: DynamoDbBackend;
  readonly region: string;
  /** The table whose stream is read, whichever stream it has while the mapping runs. */
  readonly tableName: string;
}

/** Lambda's event source mapping for a `dynamodbStreamHandler` registration. */
export function dynamoDbEventSourceMapping({
  backend,
  region,
  tableName,
  ...options
}: DynamoDbEventSourceMappingOptions): StreamEventSourceMapping<
  DynamoDbChangeRecord,
  DynamoDBRecord
> {
  return new StreamEventSourceMapping({
    ...options,
    source: backend.source(region, tableName),
    kind: DYNAMODB_STREAM_KIND,
    clock: backend.clock,
    trigger: `dynamodb:${tableName}`,
  });
}
