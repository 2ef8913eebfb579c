import type { SQSEvent, SQSMessageAttributes } from "aws-lambda";
import { createContext, type GeneratorOptions } from "./context.js";
import { ParamReader } from "./params.js";
import { isFifo, readResource } from "./resources.js";
import type { SnsEventParams } from "./sns.js";
import {
  readSnsPublish,
  SNS_PUBLISH_FIELDS,
  type SnsNotification,
  snsNotification,
  TOPIC,
} from "./sns-notification.js";
import {
  checkFifoId,
  contentDeduplicationId,
  fifoSequenceNumber,
  QUEUE,
  readReceiveCount,
  SQS_DELIVERY_FIELDS,
  type SqsMessage,
  sqsEvent,
} from "./sqs.js";

export interface SnsViaSqsEventParams extends SnsEventParams {
  /** Queue name or ARN; a FIFO queue subscribes to a FIFO topic only. */
  readonly queue: string;
  /** Deliver the bare message (and its attributes as SQS attributes) instead of the SNS JSON. */
  readonly rawMessageDelivery?: boolean;
  /** Required for a FIFO topic. */
  readonly messageGroupId?: string;
  /** FIFO topics only; defaults to the SHA-256 of the message (content-based deduplication). */
  readonly messageDeduplicationId?: string;
  readonly receiveCount?: number;
}

const FIFO_FIELDS = ["messageGroupId", "messageDeduplicationId"];

export function generateSnsViaSqsEvent(
  params: SnsViaSqsEventParams,
  options?: GeneratorOptions,
): SQSEvent {
  const ctx = createContext("sns-via-sqs", options);
  const reader = ParamReader.of("sns-via-sqs", params, [
    ...SNS_PUBLISH_FIELDS,
    ...SQS_DELIVERY_FIELDS,
    ...FIFO_FIELDS,
    "rawMessageDelivery",
  ]);
  const topic = readResource(reader, "topic", TOPIC, ctx);
  const queue = readResource(reader, "queue", QUEUE, ctx);
  if (isFifo(queue) && !isFifo(topic)) {
    reader.fail("queue", "a FIFO queue can subscribe to a FIFO topic only");
  }
  const publish = readSnsPublish(reader);
  const fifo = readFifoFields(reader, isFifo(topic), publish.message);
  const notification: SnsNotification = {
    ...snsNotification(topic, publish, ctx),
    ...(fifo && { sequenceNumber: fifoSequenceNumber(ctx, 0) }),
  };
  const raw = reader.optionalBoolean("rawMessageDelivery") ?? false;
  const message: SqsMessage = {
    ...(raw
      ? rawDelivery(notification)
      : { body: snsJsonBody(notification), messageAttributes: {} }),
    ...fifo,
  };
  return sqsEvent(queue, [message], ctx, readReceiveCount(reader));
}

interface FifoFields {
  readonly messageGroupId: string;
  readonly messageDeduplicationId: string;
}

/** A FIFO topic orders messages by group and deduplicates them; a standard topic does neither. */
function readFifoFields(
  reader: ParamReader,
  fifoTopic: boolean,
  message: string,
): FifoFields | undefined {
  if (!fifoTopic) {
    for (const field of FIFO_FIELDS)
      if (reader.has(field)) reader.fail(field, "only FIFO topics take it");
    return undefined;
  }
  const messageGroupId = reader.optionalString("messageGroupId", checkFifoId);
  if (messageGroupId === undefined) {
    reader.fail(
      "messageGroupId",
      "The request must contain the parameter MessageGroupId (the topic is FIFO)",
    );
  }
  const messageDeduplicationId =
    reader.optionalString("messageDeduplicationId", checkFifoId) ?? contentDeduplicationId(message);
  return { messageGroupId, messageDeduplicationId };
}

/** With raw message delivery, SQS receives the message itself and SNS attributes as its own. */
export function rawDelivery(notification: SnsNotification): SqsMessage {
  const messageAttributes: SQSMessageAttributes = {};
  for (const [name, { Type: dataType, Value: value }] of Object.entries(
    notification.messageAttributes,
  )) {
    const lists = { stringListValues: [], binaryListValues: [] };
    messageAttributes[name] = dataType.startsWith("Binary")
      ? { binaryValue: value, ...lists, dataType }
      : { stringValue: value, ...lists, dataType };
  }
  return { body: notification.message, messageAttributes };
}

/**
 * The notification as SNS writes it into a queue: pretty-printed with ` : ` separators, and the
 * URL fields spelt `SigningCertURL` / `UnsubscribeURL` (Lambda's own records say `Url`). FIFO
 * notifications (numbered) come unsigned, as recorded against AWS.
 */
export function snsJsonBody(notification: SnsNotification): string {
  const signed = notification.sequenceNumber === undefined;
  const signature = (value: string) => (signed ? value : undefined);
  const fields: [string, string | undefined][] = [
    ["Type", "Notification"],
    ["MessageId", notification.messageId],
    ["SequenceNumber", notification.sequenceNumber],
    ["TopicArn", notification.topic.arn],
    ["Subject", notification.subject],
    ["Message", notification.message],
    ["Timestamp", notification.timestamp],
    ["SignatureVersion", signature(notification.signatureVersion ?? "1")],
    ["Signature", signature(notification.signature)],
    ["SigningCertURL", signature(notification.signingCertUrl)],
    ["UnsubscribeURL", notification.unsubscribeUrl],
  ];
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `  ${JSON.stringify(name)} : ${JSON.stringify(value)}`);
  const attributes = Object.entries(notification.messageAttributes);
  if (attributes.length > 0) {
    const entries = attributes.map(
      ([name, value]) => `    ${JSON.stringify(name)} : ${JSON.stringify(value)}`,
    );
    lines.push(`  "MessageAttributes" : {\n${entries.join(",\n")}\n  }`);
  }
  return `{\n${lines.join(",\n")}\n}`;
}
