import type { S3Event, SNSEvent, SQSEvent } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions } from "./context.js";
import { ParamReader } from "./params.js";
import { isFifo, type Resource, readResource } from "./resources.js";
import { readS3Changes, S3_CHANGE_FIELDS, type S3EventParams } from "./s3-change.js";
import { s3Record } from "./s3-record.js";
import { snsEvent } from "./sns.js";
import { type SnsNotification, s3Publish, snsNotification, TOPIC } from "./sns-notification.js";
import { snsJsonBody } from "./sns-via-sqs.js";
import { QUEUE, readReceiveCount, SQS_DELIVERY_FIELDS, type SqsMessage, sqsEvent } from "./sqs.js";

export interface S3ViaSnsEventParams extends S3EventParams {
  readonly topic: string;
}

export interface S3ViaSqsEventParams extends S3EventParams {
  readonly queue: string;
  readonly receiveCount?: number;
}

export interface S3ViaSnsViaSqsEventParams extends S3ViaSqsEventParams {
  readonly topic: string;
}

/** S3 sends one notification per change; a Lambda destination gets one record per event. */
export function generateS3Event(params: S3EventParams, options?: GeneratorOptions): S3Event {
  const ctx = createContext("s3", options);
  const reader = ParamReader.of("s3", params, S3_CHANGE_FIELDS);
  return { Records: readS3Changes(reader, ctx).map(s3Record) };
}

export function generateS3ViaSnsEvent(
  params: S3ViaSnsEventParams,
  options?: GeneratorOptions,
): SNSEvent {
  const ctx = createContext("s3-via-sns", options);
  const reader = ParamReader.of("s3-via-sns", params, [...S3_CHANGE_FIELDS, "topic"]);
  const topic = readS3Topic(reader, ctx);
  return snsEvent(s3Notifications(reader, topic, ctx));
}

export function generateS3ViaSqsEvent(
  params: S3ViaSqsEventParams,
  options?: GeneratorOptions,
): SQSEvent {
  const ctx = createContext("s3-via-sqs", options);
  const reader = ParamReader.of("s3-via-sqs", params, [
    ...S3_CHANGE_FIELDS,
    ...SQS_DELIVERY_FIELDS,
  ]);
  const queue = readS3Queue(reader, ctx);
  const messages = readS3Changes(reader, ctx).map((change) =>
    sqsMessage(JSON.stringify({ Records: [s3Record(change)] })),
  );
  return sqsEvent(queue, messages, ctx, readReceiveCount(reader));
}

export function generateS3ViaSnsViaSqsEvent(
  params: S3ViaSnsViaSqsEventParams,
  options?: GeneratorOptions,
): SQSEvent {
  const ctx = createContext("s3-via-sns-via-sqs", options);
  const reader = ParamReader.of("s3-via-sns-via-sqs", params, [
    ...S3_CHANGE_FIELDS,
    ...SQS_DELIVERY_FIELDS,
    "topic",
  ]);
  const topic = readS3Topic(reader, ctx);
  const queue = readS3Queue(reader, ctx);
  const messages = s3Notifications(reader, topic, ctx).map((notification) =>
    sqsMessage(snsJsonBody(notification)),
  );
  return sqsEvent(queue, messages, ctx, readReceiveCount(reader));
}

function s3Notifications(
  reader: ParamReader,
  topic: Resource,
  ctx: EventContext,
): SnsNotification[] {
  return readS3Changes(reader, ctx).map((change) =>
    snsNotification(topic, s3Publish(JSON.stringify({ Records: [s3Record(change)] })), ctx),
  );
}

function sqsMessage(body: string): SqsMessage {
  return { body, messageAttributes: {} };
}

/** S3 notifications go to standard queues only. */
export function readS3Queue(reader: ParamReader, ctx: EventContext): Resource {
  const queue = readResource(reader, "queue", QUEUE, ctx);
  if (isFifo(queue))
    reader.fail("queue", "Amazon S3 cannot send event notifications to FIFO queues");
  return queue;
}

/** S3 notifications go to standard topics only. */
export function readS3Topic(reader: ParamReader, ctx: EventContext): Resource {
  const topic = readResource(reader, "topic", TOPIC, ctx);
  if (isFifo(topic))
    reader.fail("topic", "Amazon S3 cannot publish event notifications to FIFO topics");
  return topic;
}
