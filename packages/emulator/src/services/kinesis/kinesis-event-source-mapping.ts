import type { KinesisStreamRecord } from "aws-lambda";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import {
  StreamEventSourceMapping,
  type StreamEventSourceMappingOptions,
} from "../streams/stream-event-source-mapping.js";
import type { KinesisBackend } from "./kinesis-backend.js";
import type { KinesisRecord } from "./kinesis-shard.js";
import { kinesisStreamKind } from "./lambda-record.js";

export interface KinesisEventSourceMappingOptions
  extends Omit<
    StreamEventSourceMappingOptions<KinesisRecord, KinesisStreamRecord>,
    "source" | "kind" | "clock" | "trigger"
  > {
  readonly backend: KinesisBackend;
  readonly region: string;
  /** The stream's name; it may be created, deleted or re-created while the mapping runs. */
  readonly streamName: string;
  /** The function's execution role, which records report as `invokeIdentityArn`. */
  readonly roleArn?: string;
}

/** Lambda's event source mapping for a `kinesisStreamHandler` registration. */
export function kinesisEventSourceMapping({
  backend,
  region,
  streamName,
  roleArn = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/lambda-role`,
  ...options
}: KinesisEventSourceMappingOptions): StreamEventSourceMapping<KinesisRecord, KinesisStreamRecord> {
  return new StreamEventSourceMapping({
    ...options,
    source: backend.source(region, streamName),
    kind: kinesisStreamKind(roleArn),
    clock: backend.clock,
    trigger: `kinesis:${streamName}`,
  });
}
