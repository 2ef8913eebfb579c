import type { SNSEvent, SNSEventRecord } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions } from "./context.js";
import { ParamReader } from "./params.js";
import { isFifo, type Resource, readResource } from "./resources.js";
import {
  readSnsPublish,
  SNS_PUBLISH_FIELDS,
  type SnsAttributeInput,
  type SnsNotification,
  snsNotification,
  TOPIC,
} from "./sns-notification.js";

export interface SnsEventParams {
  /** Topic name or ARN. */
  readonly topic: string;
  /** A string is published as it is; any other value as its JSON text. */
  readonly message: unknown;
  readonly subject?: string;
  readonly messageAttributes?: Readonly<Record<string, SnsAttributeInput>>;
}

export function generateSnsEvent(params: SnsEventParams, options?: GeneratorOptions): SNSEvent {
  const ctx = createContext("sns", options);
  const reader = ParamReader.of("sns", params, SNS_PUBLISH_FIELDS);
  const topic = readLambdaTopic(reader, ctx);
  return snsEvent([snsNotification(topic, readSnsPublish(reader), ctx)]);
}

/** The topic of a Lambda subscription: FIFO topics deliver to SQS queues only. */
function readLambdaTopic(reader: ParamReader, ctx: EventContext): Resource {
  const topic = readResource(reader, "topic", TOPIC, ctx);
  if (isFifo(topic)) {
    reader.fail(
      "topic",
      "FIFO topics deliver to SQS queues only, not to Lambda functions (see sns-via-sqs)",
    );
  }
  return topic;
}

/** The event Lambda receives from its SNS subscriptions: one record per notification. */
export function snsEvent(notifications: readonly SnsNotification[]): SNSEvent {
  return { Records: notifications.map(snsRecord) };
}

function snsRecord(notification: SnsNotification): SNSEventRecord {
  return {
    EventSource: "aws:sns",
    EventVersion: "1.0",
    EventSubscriptionArn: notification.subscriptionArn,
    Sns: {
      Type: "Notification",
      MessageId: notification.messageId,
      TopicArn: notification.topic.arn,
      ...(notification.subject !== undefined && { Subject: notification.subject }),
      Message: notification.message,
      Timestamp: notification.timestamp,
      SignatureVersion: "1",
      Signature: notification.signature,
      // Lambda spells these two `Url`, unlike the JSON that SNS sends to queues and endpoints.
      SigningCertUrl: notification.signingCertUrl,
      UnsubscribeUrl: notification.unsubscribeUrl,
      MessageAttributes: notification.messageAttributes,
    },
  };
}
