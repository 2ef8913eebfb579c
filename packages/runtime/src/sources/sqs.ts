import type { SQSEvent, SQSRecord } from "aws-lambda";
import { lastArnSegment } from "./arn.js";
import { type Detector, detectFirst, when } from "./detector.js";
import { detectEventBusDelivery, type EventBusSource } from "./event-bus.js";
import { Fields, firstRecord, tryJsonObject } from "./fields.js";
import { detectS3, isS3Event, type S3Source } from "./s3.js";
import { detectS3TestEvent, isS3TestEvent, type S3TestEventSource } from "./s3-test-event.js";
import { isSnsEnvelope, type SnsSource, snsSourceFromEnvelope } from "./sns.js";

export const SQS_EVENT_SOURCE = "aws:sqs";

/** Lambda's SQS poller sets `eventSource: "aws:sqs"` on every record it delivers. */
export function isSqsEvent(event: unknown): event is SQSEvent {
  return firstRecord(event)?.eventSource === SQS_EVENT_SOURCE;
}

/** What another AWS service put in a queued message's body. */
export type QueuedSource = SnsSource | S3Source | S3TestEventSource | EventBusSource;

export interface QueuedMessage {
  readonly record: SQSRecord;
  /** The source the body carries, `null` for a message of the queue's own. */
  readonly inner: QueuedSource | null;
}

/** SQS messages, routed by queue name; each record's body is classified on its own. */
export interface SqsSource {
  readonly kind: "sqs";
  readonly event: SQSEvent;
  readonly key: string | null;
  readonly records: readonly QueuedMessage[];
}

const bodyDetectors: readonly Detector<QueuedSource>[] = [
  when(isSnsEnvelope, snsSourceFromEnvelope),
  when(isS3Event, detectS3),
  when(isS3TestEvent, detectS3TestEvent),
  detectEventBusDelivery,
];

/**
 * Text that the body of every source above contains: a field name or value its detector requires
 * (`SigningCertURL`, `"aws:s3"`, `"s3:TestEvent"`, `detail-type`, `domovoiRule`), or else a
 * backslash, since JSON could spell one of them with escapes. Most bodies are an application's
 * own JSON; not parsing those is most of what a batch costs to route.
 */
const MAY_CARRY_A_SOURCE = /SigningCertURL|aws:s3|s3:TestEvent|detail-type|domovoiRule|\\/;

/**
 * The source whose JSON the body at `path` holds (an SNS envelope, an S3 notification or test
 * event, an EventBridge event), or `null` for any other body.
 */
export function classifySqsBody(body: string, path: string): QueuedSource | null {
  if (!MAY_CARRY_A_SOURCE.test(body)) return null;
  const decoded = tryJsonObject(body);
  if (decoded === undefined) return null;
  return detectFirst(bodyDetectors, decoded, `JSON.parse(${path})`) ?? null;
}

export function detectSqs(event: SQSEvent, path = ""): SqsSource {
  const fields = Fields.of(event, path);
  const records = event.Records.map((record, index) => {
    const message = fields.item("Records", index);
    return { record, inner: classifySqsBody(message.string("body"), message.pathOf("body")) };
  });
  const queueArn = fields.item("Records", 0).string("eventSourceARN");
  return { kind: "sqs", event, key: lastArnSegment(queueArn), records };
}
