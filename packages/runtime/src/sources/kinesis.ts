import type { KinesisStreamEvent } from "aws-lambda";
import { arnResourceName } from "./arn.js";
import { Fields, firstRecord } from "./fields.js";

export const KINESIS_EVENT_SOURCE = "aws:kinesis";

/**
 * Lambda's Kinesis poller sets `eventSource: "aws:kinesis"` on every record. Records whose data
 * came from CloudWatch Logs or DynamoDB are still Kinesis records: their stream routes them.
 */
export function isKinesisStreamEvent(event: unknown): event is KinesisStreamEvent {
  return firstRecord(event)?.eventSource === KINESIS_EVENT_SOURCE;
}

/** The stream of a stream ARN, `arn:…:stream/<stream>` (also for enhanced fan-out consumers). */
export function kinesisStreamName(streamArn: string): string | null {
  return arnResourceName(streamArn, "stream");
}

/** A batch of stream records, routed by stream name (one mapping reads one stream). */
export interface KinesisSource {
  readonly kind: "kinesis";
  readonly event: KinesisStreamEvent;
  readonly key: string | null;
}

export function detectKinesis(event: KinesisStreamEvent, path = ""): KinesisSource {
  const streamArn = Fields.of(event, path).item("Records", 0).string("eventSourceARN");
  return { kind: "kinesis", event, key: kinesisStreamName(streamArn) };
}
