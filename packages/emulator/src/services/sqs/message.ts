import type { SQSMessageAttributes } from "aws-lambda";

/** The content of a message and its digests, as SendMessage computes them. */
export interface MessageContent {
  readonly body: string;
  readonly md5OfBody: string;
  readonly messageAttributes: SQSMessageAttributes;
  readonly md5OfMessageAttributes: string | undefined;
  readonly systemAttributes: SQSMessageAttributes;
  readonly md5OfMessageSystemAttributes: string | undefined;
  readonly messageGroupId: string | undefined;
  /** FIFO only: the given id, or the body's SHA-256 under content-based deduplication. */
  readonly messageDeduplicationId: string | undefined;
  readonly senderId: string;
}

/** What a sender gives SQS for one message, checked against the queue already. */
export interface NewMessage extends MessageContent {
  readonly delaySeconds: number;
}

/** A message as a queue holds it. Its identity and content never change once sent. */
export interface SqsMessage extends MessageContent {
  readonly messageId: string;
  readonly sentTimestamp: number;
  readonly sequenceNumber: string | undefined;
  /** Set on messages that a redrive policy moved to this queue. */
  readonly deadLetterQueueSourceArn: string | undefined;
  /** Where the retention period starts: the send, or the move to a FIFO dead-letter queue. */
  readonly enqueuedAt: number;
  /** Until when the message is delayed or in flight. */
  visibleAt: number;
  /** How many times it was received, across the queues it went through. */
  receiveCount: number;
  firstReceiveTimestamp: number | undefined;
  /** The last receive, from which the 12-hour limit of its visibility timeout counts. */
  receivedAt: number | undefined;
}

/** One receive of a message: what the receiver saw, frozen at that moment. */
export interface Delivery {
  readonly message: SqsMessage;
  readonly receiptHandle: string;
  readonly receiveCount: number;
  readonly firstReceiveTimestamp: number;
}

/**
 * The system attributes of a delivery (`Attributes` of ReceiveMessage), in the order SQS lists
 * them; ReceiveMessage picks the requested ones.
 */
export function deliveryAttributes(delivery: Delivery): Record<string, string> {
  const { message } = delivery;
  const attributes: Record<string, string> = {
    SenderId: message.senderId,
    ApproximateFirstReceiveTimestamp: String(delivery.firstReceiveTimestamp),
    ApproximateReceiveCount: String(delivery.receiveCount),
    SentTimestamp: String(message.sentTimestamp),
  };
  const optional: Record<string, string | undefined> = {
    SequenceNumber: message.sequenceNumber,
    MessageDeduplicationId: message.messageDeduplicationId,
    MessageGroupId: message.messageGroupId,
    AWSTraceHeader: message.systemAttributes.AWSTraceHeader?.stringValue,
    DeadLetterQueueSourceArn: message.deadLetterQueueSourceArn,
  };
  for (const [name, value] of Object.entries(optional)) {
    if (value !== undefined) attributes[name] = value;
  }
  return attributes;
}

const HANDLE_PREFIX = "AQEB";

export interface ReceiptHandleParts {
  readonly queueArn: string;
  readonly messageId: string;
  /** Which receive of the message issued the handle. */
  readonly receiveCount: number;
}

/**
 * Receipt handles name the queue, the message and the receive that issued them, so that a stale
 * handle (one from an earlier receive) is told apart from one that was never valid.
 */
export function encodeReceiptHandle({ queueArn, messageId, receiveCount }: ReceiptHandleParts) {
  return `${HANDLE_PREFIX}${Buffer.from(`${queueArn} ${messageId} ${receiveCount}`).toString("base64")}`;
}

export function decodeReceiptHandle(handle: string): ReceiptHandleParts | undefined {
  if (!handle.startsWith(HANDLE_PREFIX)) return undefined;
  const parts = Buffer.from(handle.slice(HANDLE_PREFIX.length), "base64")
    .toString("utf8")
    .split(" ");
  const [queueArn, messageId, count] = parts;
  const receiveCount = Number(count);
  if (parts.length !== 3 || !queueArn || !messageId || !Number.isInteger(receiveCount)) {
    return undefined;
  }
  return { queueArn, messageId, receiveCount };
}
