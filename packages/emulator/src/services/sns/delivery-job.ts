import type { SnsNotification } from "../../events/sns-notification.js";
import { rawDelivery, snsJsonBody } from "../../events/sns-via-sqs.js";
import type { SqsMessage } from "../../events/sqs.js";
import type { SnsSubscription } from "./subscription.js";

/** One notification on its way to one subscription. */
export interface DeliveryJob {
  readonly subscription: SnsSubscription;
  /** Addressed to the subscription, with the message for its protocol. */
  readonly notification: SnsNotification;
  readonly messageGroupId: string | undefined;
  /** FIFO topics only: the given id, or the message's SHA-256 under content-based deduplication. */
  readonly messageDeduplicationId: string | undefined;
}

/**
 * What SNS sends to a queue for a job, whether the subscription's own queue or its dead-letter
 * queue: the notification JSON, or with raw message delivery the bare message and its attributes.
 * FIFO queues get the group and deduplication ids; a standard topic passes a group id on to any
 * queue (recorded against AWS), a FIFO topic to FIFO queues only.
 */
export function queueMessage(job: DeliveryJob, queueArn: string): SqsMessage {
  const { notification, subscription, messageGroupId, messageDeduplicationId } = job;
  const content = subscription.settings.rawMessageDelivery
    ? rawDelivery(notification)
    : { body: snsJsonBody(notification), messageAttributes: {} };
  const fifoQueue = queueArn.endsWith(".fifo");
  const passesGroup = fifoQueue || !subscription.topic.fifo;
  return {
    ...content,
    ...(passesGroup && messageGroupId !== undefined && { messageGroupId }),
    ...(fifoQueue && messageDeduplicationId !== undefined && { messageDeduplicationId }),
  };
}
