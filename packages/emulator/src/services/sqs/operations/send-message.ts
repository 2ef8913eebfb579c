import type { SQSMessageAttributes } from "aws-lambda";
import { contentDeduplicationId } from "../../../events/sqs.js";
import { md5OfBody, md5OfMessageAttributes } from "../../../events/sqs-md5.js";
import type { SentIdentity } from "../deduplication.js";
import type { NewMessage } from "../message.js";
import {
  checkMessageAttributes,
  checkSystemAttributes,
  messageAttributesSize,
  toWireAttributes,
} from "../message-attributes.js";
import { checkMessageBody } from "../message-body.js";
import { OperationInput } from "../operation-input.js";
import type { SqsQueue } from "../queue.js";
import type { SqsBackend } from "../sqs-backend.js";
import {
  batchRequestTooLong,
  invalidParameter,
  invalidParameterValue,
  missingParameter,
  queueDoesNotExist,
} from "../sqs-errors.js";
import { readBatch, runBatch } from "./batch.js";
import { type Operation, targetQueue } from "./operation.js";

const MAX_DELAY_SECONDS = 900;
const MAX_BATCH_BYTES = 1_048_576;
const FIFO_ID = /^[\x21-\x7E]{1,128}$/;
const WRONG_QUEUE_TYPE = "The request include parameter that is not valid for this queue type.";

export const sendMessage: Operation = (input, context) =>
  send(targetQueue(input, context), input, context.senderId, "single");

/** A message another emulated service delivers (the event generator's `SqsMessage` fits). */
export interface QueuedMessage {
  readonly body: string;
  readonly messageAttributes?: SQSMessageAttributes;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
}

/**
 * Sends a message as SendMessage does, checks and digests included: how other emulated services
 * deliver to a queue (SNS subscriptions, S3 notifications), under their own sender id. Throws
 * `QueueDoesNotExist` for a queue that does not exist and SQS's error for a refused message.
 */
export function sendToQueue(
  backend: SqsBackend,
  queueArn: string,
  message: QueuedMessage,
  senderId: string,
) {
  const queue = backend.queueByArn(queueArn);
  if (!queue) throw queueDoesNotExist();
  const input = new OperationInput({
    MessageBody: message.body,
    MessageAttributes: toWireAttributes(message.messageAttributes ?? {}),
    MessageGroupId: message.messageGroupId,
    MessageDeduplicationId: message.messageDeduplicationId,
  });
  return send(queue, input, senderId, "single");
}

function send(queue: SqsQueue, input: OperationInput, senderId: string, kind: RequestKind) {
  const message = readMessage(input, queue, senderId, kind);
  return sentResult(message, queue.send(message));
}

export const sendMessageBatch: Operation = (input, context) => {
  const queue = targetQueue(input, context);
  const entries = readBatch(input, "SendMessageBatchRequestEntry");
  const size = entries.reduce((total, { input: entry }) => total + entrySize(entry), 0);
  if (size > MAX_BATCH_BYTES) throw batchRequestTooLong(MAX_BATCH_BYTES, size);
  // SQS fails the whole batch for missing FIFO parameters, and each entry for the rest.
  for (const { input: entry } of entries) readFifoFields(entry, queue, "batch");
  return runBatch(entries, (entry) => send(queue, entry, context.senderId, "batch"));
};

function sentResult(message: NewMessage, sent: SentIdentity) {
  return {
    MD5OfMessageBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes && {
      MD5OfMessageAttributes: message.md5OfMessageAttributes,
    }),
    ...(message.md5OfMessageSystemAttributes && {
      MD5OfMessageSystemAttributes: message.md5OfMessageSystemAttributes,
    }),
    MessageId: sent.messageId,
    ...(sent.sequenceNumber && { SequenceNumber: sent.sequenceNumber }),
  };
}

type RequestKind = "single" | "batch";

/** Reads and checks one message against its queue, with SendMessage's errors. */
function readMessage(
  input: OperationInput,
  queue: SqsQueue,
  senderId: string,
  kind: RequestKind,
): NewMessage {
  const body = input.string("MessageBody");
  checkMessageBody(body);
  const { attributes, size } = checkMessageAttributes(input.record("MessageAttributes"));
  const limit = queue.attributes.settings.maximumMessageSize;
  if (Buffer.byteLength(body) + size > limit) {
    throw invalidParameterValue(
      `One or more parameters are invalid. Reason: Message must be shorter than ${limit} bytes.`,
    );
  }
  const systemAttributes = checkSystemAttributes(input.record("MessageSystemAttributes"));
  return {
    body,
    md5OfBody: md5OfBody(body),
    messageAttributes: attributes,
    md5OfMessageAttributes: digestOf(attributes),
    systemAttributes,
    md5OfMessageSystemAttributes: digestOf(systemAttributes),
    delaySeconds: readDelay(input, queue),
    ...readFifoFields(input, queue, kind),
    senderId,
  };
}

function digestOf(attributes: SQSMessageAttributes): string | undefined {
  return Object.keys(attributes).length > 0 ? md5OfMessageAttributes(attributes) : undefined;
}

function readDelay(input: OperationInput, queue: SqsQueue): number {
  const delay = input.optionalInteger("DelaySeconds");
  if (delay === undefined) return queue.attributes.settings.delaySeconds;
  if (queue.fifo && delay !== 0) throw invalidParameter("DelaySeconds", delay, WRONG_QUEUE_TYPE);
  if (delay < 0 || delay > MAX_DELAY_SECONDS) {
    throw invalidParameter(
      "DelaySeconds",
      delay,
      `DelaySeconds must be >= 0 and <= ${MAX_DELAY_SECONDS}.`,
    );
  }
  return delay;
}

/**
 * The group and deduplication ids. FIFO queues need a group and a deduplication id (given, or
 * the body's SHA-256 under content-based deduplication); standard queues take a group id for
 * fair queueing but no deduplication id.
 */
function readFifoFields(input: OperationInput, queue: SqsQueue, kind: RequestKind) {
  const messageGroupId = readFifoId(input, "MessageGroupId");
  let messageDeduplicationId = readFifoId(input, "MessageDeduplicationId");
  if (!queue.fifo) {
    if (messageDeduplicationId !== undefined) {
      throw invalidParameter("MessageDeduplicationId", messageDeduplicationId, WRONG_QUEUE_TYPE);
    }
    return { messageGroupId, messageDeduplicationId };
  }
  if (messageGroupId === undefined) {
    const missing = missingParameter("MessageGroupId");
    throw kind === "batch" ? invalidParameterValue(missing.message) : missing;
  }
  if (messageDeduplicationId === undefined) {
    if (!queue.attributes.settings.contentBasedDeduplication) {
      throw invalidParameterValue(
        "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
      );
    }
    messageDeduplicationId = contentDeduplicationId(input.string("MessageBody"));
  }
  return { messageGroupId, messageDeduplicationId };
}

function readFifoId(input: OperationInput, name: string): string | undefined {
  const id = input.optionalString(name);
  if (id !== undefined && !FIFO_ID.test(id)) {
    throw invalidParameter(
      name,
      id,
      `${name} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
    );
  }
  return id;
}

/** What an entry counts towards the batch size limit: its body and message attributes. */
function entrySize(entry: OperationInput): number {
  const body = entry.optionalString("MessageBody") ?? "";
  return Buffer.byteLength(body) + messageAttributesSize(entry.record("MessageAttributes"));
}
