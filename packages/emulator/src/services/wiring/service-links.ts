import type { SnsBackend } from "../sns/index.js";
import { type QueuedMessage, type SqsBackend, sendToQueue } from "../sqs/index.js";

/** Sends a message to an emulated queue under `senderId`; rejects as SendMessage would fail. */
export type QueueSink = (queueArn: string, message: QueuedMessage) => Promise<void>;

/** Publishes a message to an emulated topic; rejects as Publish would fail. */
export type TopicSink = (topicArn: string, message: string, subject?: string) => Promise<void>;

/**
 * How one emulated service reaches a queue: as SendMessage from that service, so that a queue
 * that does not exist fails the delivery with `QueueDoesNotExist` (a client error, not retried).
 */
export function queueSink(sqs: SqsBackend, senderId: string): QueueSink {
  return async (queueArn, message) => {
    sendToQueue(sqs, queueArn, message, senderId);
  };
}

/** How one emulated service reaches a topic: as Publish, failing with `NotFound` for none. */
export function topicSink(sns: SnsBackend): TopicSink {
  return async (topicArn, message, subject) => {
    sns.publish(sns.topic(topicArn), {
      message,
      ...(subject !== undefined && { subject }),
      messageAttributes: {},
    });
  };
}
