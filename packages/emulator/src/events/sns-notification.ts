import type { SNSMessageAttribute, SNSMessageAttributes } from "aws-lambda";
import { type EventContext, isoMillis } from "./context.js";
import { base64Id, hexId, uuidId } from "./ids.js";
import {
  bytesToBase64,
  isAttributeDataType,
  isBase64,
  isNumberText,
} from "./message-attributes.js";
import { checkAttributeName, checkTopicName } from "./names.js";
import { type Check, describeValue, isPlainObject, type ParamReader } from "./params.js";
import { prefixedResource, type Resource } from "./resources.js";

/** A message attribute as a caller writes it; arrays become `String.Array`, bytes `Binary`. */
export type SnsAttributeInput =
  | string
  | number
  | Uint8Array
  | readonly (string | number | boolean | null)[]
  | { readonly Type: string; readonly Value: string };

/** What a publisher sends: the message, its subject and attributes. */
export interface SnsPublish {
  readonly message: string;
  readonly subject?: string;
  readonly messageAttributes: SNSMessageAttributes;
}

/** A message SNS accepted from a publisher: what every subscription's notification shares. */
export interface AcceptedSnsMessage extends SnsPublish {
  readonly topic: Resource;
  readonly messageId: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly signingCertUrl: string;
  /** The topic's `SignatureVersion`; notifications to queues and endpoints show it (default 1). */
  readonly signatureVersion?: "1" | "2";
  /** FIFO topics number their messages. */
  readonly sequenceNumber?: string;
}

/** One notification as SNS delivers it, whatever the protocol. */
export interface SnsNotification extends AcceptedSnsMessage {
  readonly subscriptionArn: string;
  readonly unsubscribeUrl: string;
}

export const TOPIC = prefixedResource("an SNS topic", "sns", "", checkTopicName);
export const SNS_PUBLISH_FIELDS = ["topic", "message", "subject", "messageAttributes"];
/** Amazon S3 publishes its notifications with this subject. */
const S3_NOTIFICATION_SUBJECT = "Amazon S3 Notification";

const MAX_MESSAGE_BYTES = 256 * 1024;

const checkMessage: Check<string> = (message) => {
  if (message === "") return "SNS messages must not be empty";
  return Buffer.byteLength(message) > MAX_MESSAGE_BYTES
    ? `SNS messages are at most ${MAX_MESSAGE_BYTES} bytes`
    : undefined;
};

export const checkSubject: Check<string> = (subject) =>
  /^[\x21-\x7E][\x20-\x7E]{0,99}$/.test(subject)
    ? undefined
    : "subjects are 1 to 100 printable ASCII characters, starting with a letter, digit or punctuation mark";

/** What S3 publishes to a topic: its JSON message under its subject, without attributes. */
export function s3Publish(message: string): SnsPublish {
  return { message, subject: S3_NOTIFICATION_SUBJECT, messageAttributes: {} };
}

export function readSnsPublish(reader: ParamReader): SnsPublish {
  const subject = reader.optionalString("subject", checkSubject);
  return {
    message: reader.check("message", reader.text("message"), checkMessage),
    ...(subject !== undefined && { subject }),
    messageAttributes: readSnsAttributes(reader),
  };
}

export function snsNotification(
  topic: Resource,
  publish: SnsPublish,
  ctx: EventContext,
): SnsNotification {
  const subscriptionArn = `${topic.arn}:${uuidId(ctx)}`;
  return addressedNotification(acceptedSnsMessage(topic, publish, ctx), subscriptionArn);
}

/** Accepts a publisher's message: its id, time and signature are the same for every subscription. */
export function acceptedSnsMessage(
  topic: Resource,
  publish: SnsPublish,
  ctx: EventContext,
): AcceptedSnsMessage {
  return {
    ...publish,
    topic,
    messageId: uuidId(ctx),
    timestamp: isoMillis(ctx.time),
    signature: base64Id(ctx, 256),
    signingCertUrl: `${snsEndpoint(topic)}/SimpleNotificationService-${hexId(ctx, 32)}.pem`,
  };
}

/** The notification of an accepted message to one subscription. */
export function addressedNotification(
  message: AcceptedSnsMessage,
  subscriptionArn: string,
): SnsNotification {
  return {
    ...message,
    subscriptionArn,
    unsubscribeUrl: `${snsEndpoint(message.topic)}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
  };
}

function snsEndpoint(topic: Resource): string {
  return `https://sns.${topic.region}.amazonaws.com`;
}

function readSnsAttributes(reader: ParamReader): SNSMessageAttributes {
  const input = reader.optionalRecord("messageAttributes") ?? {};
  const attributes: SNSMessageAttributes = {};
  for (const [name, value] of Object.entries(input)) {
    const path = `messageAttributes.${name}`;
    reader.check(path, name, checkAttributeName);
    attributes[name] = snsAttribute(value, (problem) => reader.fail(path, problem));
  }
  return attributes;
}

function snsAttribute(value: unknown, fail: (problem: string) => never): SNSMessageAttribute {
  const attribute = asSnsAttribute(value);
  if (attribute === undefined) {
    fail(
      `expected a string, a number, bytes, an array or { Type, Value }, got ${describeValue(value)}`,
    );
  }
  const { Type: type, Value: text } = attribute;
  if (!isAttributeDataType(type))
    fail(`data type ${JSON.stringify(type)} must be String, String.Array, Number or Binary`);
  if (text === "") fail("attribute values must not be empty");
  if (type === "String.Array" && !isJsonArray(text))
    fail(`${JSON.stringify(text)} is not a JSON array`);
  if (type.startsWith("Number") && !isNumberText(text))
    fail(`${JSON.stringify(text)} is not a number`);
  if (type.startsWith("Binary") && !isBase64(text)) fail("binary values must be base64");
  return attribute;
}

function asSnsAttribute(value: unknown): SNSMessageAttribute | undefined {
  if (typeof value === "string") return { Type: "String", Value: value };
  if (typeof value === "number" && Number.isFinite(value))
    return { Type: "Number", Value: String(value) };
  if (value instanceof Uint8Array) return { Type: "Binary", Value: bytesToBase64(value) };
  if (Array.isArray(value)) return { Type: "String.Array", Value: JSON.stringify(value) };
  if (isPlainObject(value) && typeof value.Type === "string" && typeof value.Value === "string") {
    return { Type: value.Type, Value: value.Value };
  }
  return undefined;
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
