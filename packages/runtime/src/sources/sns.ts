import type { SNSEvent, SNSEventRecord, SNSMessage, SNSMessageAttributes } from "aws-lambda";
import { MalformedEventError } from "../errors.js";
import { lastArnSegment } from "./arn.js";
import { Fields, firstRecord, isJsonObject } from "./fields.js";
import { detectS3, isS3Event, type S3Source } from "./s3.js";
import { detectS3TestEvent, isS3TestEvent, type S3TestEventSource } from "./s3-test-event.js";

export const SNS_EVENT_SOURCE = "aws:sns";

/** The subject S3 gives the notifications (and the test event) it publishes to a topic. */
export const S3_NOTIFICATION_SUBJECT = "Amazon S3 Notification";

/** Lambda's SNS integration sets `EventSource: "aws:sns"` (capitalised, unlike other sources). */
export function isSnsEvent(event: unknown): event is SNSEvent {
  return firstRecord(event)?.EventSource === SNS_EVENT_SOURCE;
}

/** What a published message carries, when it is not the topic subscriber's own message. */
export type PublishedSource = S3Source | S3TestEventSource;

export interface PublishedMessage {
  readonly record: SNSEventRecord;
  readonly inner: PublishedSource | null;
}

/** SNS messages, routed by topic name; `records[i].inner` is an S3 notification they carry. */
export interface SnsSource {
  readonly kind: "sns";
  readonly event: SNSEvent;
  readonly key: string | null;
  readonly records: readonly PublishedMessage[];
}

export function detectSns(event: SNSEvent, path = ""): SnsSource {
  const fields = Fields.of(event, path);
  const records = event.Records.map((record, index) => ({
    record,
    inner: classifyMessage(fields.item("Records", index).object("Sns")),
  }));
  const topicArn = fields.item("Records", 0).object("Sns").string("TopicArn");
  return { kind: "sns", event, key: lastArnSegment(topicArn), records };
}

/**
 * The JSON envelope SNS delivers to SQS queues (unless raw delivery is on). It spells
 * `SigningCertURL` and `UnsubscribeURL`, where Lambda's SNS records say `SigningCertUrl` and
 * `UnsubscribeUrl`.
 */
export interface SnsEnvelope {
  readonly Type: "Notification";
  readonly MessageId: string;
  readonly TopicArn: string;
  readonly Subject?: string | null;
  readonly Message: string;
  readonly Timestamp: string;
  readonly SignatureVersion: string;
  readonly Signature: string;
  readonly SigningCertURL: string;
  readonly UnsubscribeURL: string;
  readonly MessageAttributes?: SNSMessageAttributes;
}

/** `Type: "Notification"` alone could be anyone's JSON; SNS's signing-certificate URL is not. */
export function isSnsEnvelope(body: unknown): body is SnsEnvelope {
  return isJsonObject(body) && body.Type === "Notification" && "SigningCertURL" in body;
}

/** The SNS event Lambda would have received for the message in `envelope`. */
export function snsEventFromEnvelope(envelope: SnsEnvelope, path = ""): SNSEvent {
  return { Records: [snsRecordFromEnvelope(Fields.of(envelope, path))] };
}

/** An SNS message that reached a queue, as the topic's subscriber would see it. */
export function snsSourceFromEnvelope(envelope: SnsEnvelope, path = ""): SnsSource {
  const fields = Fields.of(envelope, path);
  const record = snsRecordFromEnvelope(fields);
  return {
    kind: "sns",
    event: { Records: [record] },
    key: lastArnSegment(record.Sns.TopicArn),
    records: [{ record, inner: classifyMessage(fields) }],
  };
}

function snsRecordFromEnvelope(envelope: Fields): SNSEventRecord {
  const subject = envelope.value.Subject === null ? undefined : envelope.optionalString("Subject");
  const message: SNSMessage = {
    Type: envelope.string("Type"),
    MessageId: envelope.string("MessageId"),
    TopicArn: envelope.string("TopicArn"),
    ...(subject !== undefined && { Subject: subject }),
    Message: envelope.string("Message"),
    Timestamp: envelope.string("Timestamp"),
    SignatureVersion: envelope.string("SignatureVersion"),
    Signature: envelope.string("Signature"),
    SigningCertUrl: envelope.string("SigningCertURL"),
    UnsubscribeUrl: envelope.string("UnsubscribeURL"),
    MessageAttributes: messageAttributes(envelope),
  };
  return {
    EventVersion: "1.0",
    EventSubscriptionArn: subscriptionArn(envelope),
    EventSource: SNS_EVENT_SOURCE,
    Sns: message,
  };
}

/**
 * S3 publishes with its own subject, so other messages are never parsed; under that subject the
 * message must be S3's JSON.
 */
function classifyMessage(message: Fields): PublishedSource | null {
  if (message.value.Subject !== S3_NOTIFICATION_SUBJECT) return null;
  const notification = message.json("Message");
  if (isS3Event(notification.value)) return detectS3(notification.value, notification.path);
  if (isS3TestEvent(notification.value)) {
    return detectS3TestEvent(notification.value, notification.path);
  }
  throw new MalformedEventError(
    notification.path,
    'an S3 notification (Records from "aws:s3") or an s3:TestEvent message',
    "an object with neither",
  );
}

/** Lambda gives a message without attributes an empty `MessageAttributes` object. */
function messageAttributes(envelope: Fields): SNSMessageAttributes {
  if (envelope.value.MessageAttributes === undefined) return {};
  const attributes = envelope.object("MessageAttributes");
  return Object.fromEntries(
    Object.keys(attributes.value).map((name) => {
      const attribute = attributes.object(name);
      return [name, { Type: attribute.string("Type"), Value: attribute.string("Value") }];
    }),
  );
}

/** The envelope names its subscription only inside the unsubscribe link. */
function subscriptionArn(envelope: Fields): string {
  const url = envelope.string("UnsubscribeURL");
  const arn = URL.canParse(url) ? new URL(url).searchParams.get("SubscriptionArn") : null;
  if (arn) return arn;
  throw new MalformedEventError(
    envelope.pathOf("UnsubscribeURL"),
    "an SNS unsubscribe URL with a SubscriptionArn parameter",
    "a string without one",
  );
}
