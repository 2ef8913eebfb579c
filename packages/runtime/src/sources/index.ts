export { type AlbSource, albTargetGroupName, detectAlb, isAlbEvent } from "./alb.js";
export { lastArnSegment } from "./arn.js";
export {
  type DynamoDbSource,
  detectDynamoDb,
  dynamoDbTableName,
  isDynamoDbStreamEvent,
} from "./dynamodb.js";
export { detectEventBusDelivery, type EventBusSource } from "./event-bus.js";
export {
  type AnyEventBridgeEvent,
  detectEventBridge,
  type EventBridgeSource,
  eventBridgeKey,
  isEventBridgeEvent,
} from "./eventbridge.js";
export {
  detectKinesis,
  isKinesisStreamEvent,
  type KinesisSource,
  kinesisStreamName,
} from "./kinesis.js";
export {
  decodeLogsData,
  detectLogs,
  isCloudWatchLogsEvent,
  type LogsControlMessageSource,
  type LogsSource,
  MAX_DECODED_LOGS_BYTES,
} from "./logs.js";
export {
  type DomovoiRuleEnvelope,
  detectRule,
  isDomovoiRuleEnvelope,
  type RuleSource,
} from "./rule.js";
export { detectS3, isS3Event, type S3Source, s3BucketName } from "./s3.js";
export {
  detectS3FromEventBridge,
  isS3EventBridgeEvent,
  s3EventFromEventBridge,
} from "./s3-eventbridge.js";
export {
  detectS3TestEvent,
  isS3TestEvent,
  type S3TestEvent,
  type S3TestEventSource,
} from "./s3-test-event.js";
export {
  detectSchedule,
  isScheduledEvent,
  type ScheduleSource,
  scheduleName,
} from "./schedule.js";
export { detectSes, isSesEvent, type SesSource } from "./ses.js";
export {
  detectSns,
  isSnsEnvelope,
  isSnsEvent,
  type PublishedMessage,
  type PublishedSource,
  S3_NOTIFICATION_SUBJECT,
  type SnsEnvelope,
  type SnsSource,
  snsEventFromEnvelope,
  snsSourceFromEnvelope,
} from "./sns.js";
export {
  classifySqsBody,
  detectSqs,
  isSqsEvent,
  type QueuedMessage,
  type QueuedSource,
  type SqsSource,
} from "./sqs.js";

import { UnrecognizedEventError } from "../errors.js";
import { type AlbSource, detectAlb, isAlbEvent } from "./alb.js";
import { type Detector, detectFirst, when } from "./detector.js";
import {
  DYNAMODB_EVENT_SOURCE,
  type DynamoDbSource,
  detectDynamoDb,
  isDynamoDbStreamEvent,
} from "./dynamodb.js";
import { detectEventBusDelivery, type EventBusSource } from "./event-bus.js";
import { describe, firstRecord, isJsonObject } from "./fields.js";
import {
  detectKinesis,
  isKinesisStreamEvent,
  KINESIS_EVENT_SOURCE,
  type KinesisSource,
} from "./kinesis.js";
import {
  detectLogs,
  isCloudWatchLogsEvent,
  type LogsControlMessageSource,
  type LogsSource,
} from "./logs.js";
import { detectS3, isS3Event, S3_EVENT_SOURCE, type S3Source } from "./s3.js";
import { detectS3TestEvent, isS3TestEvent, type S3TestEventSource } from "./s3-test-event.js";
import { detectSes, isSesEvent, SES_EVENT_SOURCE, type SesSource } from "./ses.js";
import { detectSns, isSnsEvent, SNS_EVENT_SOURCE, type SnsSource } from "./sns.js";
import { detectSqs, isSqsEvent, SQS_EVENT_SOURCE, type SqsSource } from "./sqs.js";

/**
 * Every event Domovoi routes, as a discriminated union on `kind`. `key` is the routing key (queue,
 * topic, bucket, table, stream, log group, schedule or rule name, target group, or
 * `"<source>|<detail-type>"` for other EventBridge events), `null` when the event does not name
 * one. SQS and SNS sources also classify each record: `records[i].inner` is the source a message
 * carries (an SNS notification, an S3 notification or test event, an EventBridge event).
 * `s3-test-event` and `logs-control-message` are to be acknowledged and dropped.
 */
export type DetectedSource =
  | SqsSource
  | SnsSource
  | S3Source
  | S3TestEventSource
  | DynamoDbSource
  | KinesisSource
  | SesSource
  | LogsSource
  | LogsControlMessageSource
  | AlbSource
  | EventBusSource;

export type SourceKind = DetectedSource["kind"];

/** Services that deliver `Records` name themselves in each record, keyed here by that name. */
const byRecordEventSource: ReadonlyMap<string, Detector<DetectedSource>> = new Map<
  string,
  Detector<DetectedSource>
>([
  [SQS_EVENT_SOURCE, when(isSqsEvent, detectSqs)],
  [SNS_EVENT_SOURCE, when(isSnsEvent, detectSns)],
  [S3_EVENT_SOURCE, when(isS3Event, detectS3)],
  [DYNAMODB_EVENT_SOURCE, when(isDynamoDbStreamEvent, detectDynamoDb)],
  [KINESIS_EVENT_SOURCE, when(isKinesisStreamEvent, detectKinesis)],
  [SES_EVENT_SOURCE, when(isSesEvent, detectSes)],
]);

const RECORD_MARKERS = ["Records[0].eventSource", "Records[0].EventSource"];

/** The other sources each set a top-level field of their own, listed with the fields they set. */
const byTopLevelMarker: readonly (readonly [fields: string, detect: Detector<DetectedSource>])[] = [
  ["awslogs", when(isCloudWatchLogsEvent, detectLogs)],
  ["requestContext.elb", when(isAlbEvent, detectAlb)],
  ["domovoiRule, source + detail-type + detail", detectEventBusDelivery],
  ["Event (s3:TestEvent)", when(isS3TestEvent, detectS3TestEvent)],
];

const topLevelDetectors = byTopLevelMarker.map(([, detect]) => detect);
const MARKERS = [...RECORD_MARKERS, ...byTopLevelMarker.map(([fields]) => fields)];

/**
 * Recognises the source of a Lambda invocation payload from the fields AWS sets, extracts its
 * routing key and unwraps or normalises what it carries. Throws {@link UnrecognizedEventError}
 * when no source Domovoi routes sent the event, and `MalformedEventError` when a field it
 * reads is missing or of the wrong type.
 */
export function detectSource(event: unknown): DetectedSource {
  const recordSource = recordEventSource(event);
  const detected =
    (recordSource === undefined ? undefined : byRecordEventSource.get(recordSource)?.(event, "")) ??
    detectFirst(topLevelDetectors, event, "");
  if (detected !== undefined) return detected;
  throw new UnrecognizedEventError(MARKERS, whatWasFound(event, recordSource));
}

function recordEventSource(event: unknown): string | undefined {
  const record = firstRecord(event);
  const source = record?.eventSource ?? record?.EventSource;
  return typeof source === "string" ? source : undefined;
}

function whatWasFound(event: unknown, recordSource: string | undefined): string {
  if (!isJsonObject(event)) return `the event is ${describe(event)}`;
  if (recordSource !== undefined) return `Records[0] comes from ${JSON.stringify(recordSource)}`;
  const fields = Object.keys(event);
  const shown = fields.slice(0, 8).map((field) => JSON.stringify(field.slice(0, 40)));
  const more = fields.length > shown.length ? ", …" : "";
  return fields.length === 0 ? "the event is empty" : `its fields are ${shown.join(", ")}${more}`;
}
