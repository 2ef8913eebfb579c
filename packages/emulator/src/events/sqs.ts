import { createHash } from "node:crypto";
import type { SQSEvent, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions } from "./context.js";
import { base64Id, iamUniqueId, uuidId } from "./ids.js";
import { checkQueueName } from "./names.js";
import { type Check, ParamReader } from "./params.js";
import { isFifo, prefixedResource, type Resource, readResource } from "./resources.js";
import { readSqsAttributes, type SqsAttributeInput } from "./sqs-attributes.js";
import { md5OfBody, md5OfMessageAttributes } from "./sqs-md5.js";

export interface SqsMessageInput {
  /** A string is sent as it is; any other value as its JSON text. */
  readonly body: unknown;
  readonly messageAttributes?: Readonly<Record<string, SqsAttributeInput>>;
  /** Required for a FIFO queue. */
  readonly messageGroupId?: string;
  /** FIFO only; defaults to the SHA-256 of the body, as content-based deduplication does. */
  readonly messageDeduplicationId?: string;
}

/** One message (`body` and its options) or several (`messages`). */
export interface SqsEventParams extends Partial<SqsMessageInput> {
  /** Queue name or ARN; a name ending in `.fifo` is a FIFO queue. */
  readonly queue: string;
  readonly messages?: readonly SqsMessageInput[];
  /** `ApproximateReceiveCount` of every record (default 1), to exercise retries. */
  readonly receiveCount?: number;
}

/** A message as SQS holds it, before Lambda wraps it into a record. */
export interface SqsMessage {
  readonly body: string;
  readonly messageAttributes: SQSMessageAttributes;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
}

export const QUEUE = prefixedResource("an SQS queue", "sqs", "", checkQueueName);

/** Lambda polls at most 10 messages at a time from a FIFO queue and 10,000 from a standard one. */
const MAX_FIFO_BATCH = 10;
const MAX_STANDARD_BATCH = 10_000;
const MAX_BODY_BYTES = 1024 * 1024;
const MESSAGE_FIELDS = ["body", "messageAttributes", "messageGroupId", "messageDeduplicationId"];
/** The parameters every generator that ends in an SQS queue accepts. */
export const SQS_DELIVERY_FIELDS = ["queue", "receiveCount"];

const INVALID_BODY_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const checkSqsBody: Check<string> = (body) => {
  if (body === "") return "SQS message bodies must not be empty";
  const invalid = INVALID_BODY_CHARACTER.exec(body)?.[0];
  if (invalid !== undefined) {
    const code = invalid.codePointAt(0)?.toString(16).toUpperCase();
    return `invalid character '#x${code}' (SQS allows #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF)`;
  }
  if (Buffer.byteLength(body) > MAX_BODY_BYTES)
    return `SQS message bodies are at most ${MAX_BODY_BYTES} bytes`;
  return undefined;
};

/** Message group and deduplication ids. */
export const checkFifoId: Check<string> = (value) =>
  /^[\x21-\x7E]{1,128}$/.test(value)
    ? undefined
    : "expected 1 to 128 letters, digits or punctuation characters";

export function generateSqsEvent(params: SqsEventParams, options?: GeneratorOptions): SQSEvent {
  const ctx = createContext("sqs", options);
  const reader = ParamReader.of("sqs", params, [
    ...SQS_DELIVERY_FIELDS,
    ...MESSAGE_FIELDS,
    "messages",
  ]);
  const queue = readResource(reader, "queue", QUEUE, ctx);
  const maxItems = isFifo(queue) ? MAX_FIFO_BATCH : MAX_STANDARD_BATCH;
  const items = reader.oneOrMany("messages", MESSAGE_FIELDS, maxItems);
  const messages = items.map((item) => readMessage(item, queue));
  return sqsEvent(queue, messages, ctx, readReceiveCount(reader));
}

export function readReceiveCount(reader: ParamReader): number {
  return reader.optionalInteger("receiveCount", 1, 1000) ?? 1;
}

/** FIFO sequence numbers are large, non-consecutive and grow within a message group. */
export function fifoSequenceNumber(ctx: EventContext, index: number): string {
  return String(BigInt(ctx.time.getTime()) * 10_000_000n + BigInt(index));
}

/** The deduplication id of content-based deduplication: the SHA-256 of the content. */
export function contentDeduplicationId(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

function readMessage(reader: ParamReader, queue: Resource): SqsMessage {
  const messageGroupId = reader.optionalString("messageGroupId", checkFifoId);
  const messageDeduplicationId = reader.optionalString("messageDeduplicationId", checkFifoId);
  if (isFifo(queue) && messageGroupId === undefined) {
    reader.fail(
      "messageGroupId",
      "The request must contain the parameter MessageGroupId (the queue is FIFO)",
    );
  }
  if (!isFifo(queue) && messageDeduplicationId !== undefined) {
    reader.fail("messageDeduplicationId", "only FIFO queues take a deduplication id");
  }
  return {
    body: reader.check("body", reader.text("body"), checkSqsBody),
    messageAttributes: readSqsAttributes(reader, "messageAttributes"),
    ...(messageGroupId !== undefined && { messageGroupId }),
    ...(messageDeduplicationId !== undefined && { messageDeduplicationId }),
  };
}

/** The event Lambda's SQS poller delivers for these messages, read from `queue` once each. */
export function sqsEvent(
  queue: Resource,
  messages: readonly SqsMessage[],
  ctx: EventContext,
  receiveCount = 1,
): SQSEvent {
  const senderId = iamUniqueId(ctx, "AIDA");
  return {
    Records: messages.map((message, index) =>
      sqsRecord(queue, message, index, { ctx, senderId, receiveCount }),
    ),
  };
}

interface Delivery {
  readonly ctx: EventContext;
  readonly senderId: string;
  readonly receiveCount: number;
}

function sqsRecord(
  queue: Resource,
  message: SqsMessage,
  index: number,
  delivery: Delivery,
): SQSRecord {
  const { ctx } = delivery;
  const hasAttributes = Object.keys(message.messageAttributes).length > 0;
  return {
    messageId: uuidId(ctx),
    receiptHandle: `AQEB${base64Id(ctx, 150)}`,
    body: message.body,
    attributes: recordAttributes(queue, message, index, delivery),
    messageAttributes: message.messageAttributes,
    ...(hasAttributes && {
      md5OfMessageAttributes: md5OfMessageAttributes(message.messageAttributes),
    }),
    md5OfBody: md5OfBody(message.body),
    eventSource: "aws:sqs",
    eventSourceARN: queue.arn,
    awsRegion: queue.region,
  };
}

function recordAttributes(
  queue: Resource,
  message: SqsMessage,
  index: number,
  { ctx, senderId, receiveCount }: Delivery,
): SQSRecordAttributes {
  const sent = String(ctx.time.getTime());
  const fifo = isFifo(queue);
  const deduplicationId = message.messageDeduplicationId ?? contentDeduplicationId(message.body);
  return {
    ApproximateReceiveCount: String(receiveCount),
    SentTimestamp: sent,
    ...(fifo && { SequenceNumber: fifoSequenceNumber(ctx, index) }),
    ...(message.messageGroupId !== undefined && { MessageGroupId: message.messageGroupId }),
    SenderId: senderId,
    ...(fifo && { MessageDeduplicationId: deduplicationId }),
    ApproximateFirstReceiveTimestamp: sent,
  };
}
