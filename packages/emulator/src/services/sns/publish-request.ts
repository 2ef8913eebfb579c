import type { SNSMessageAttributes } from "aws-lambda";
import { checkSubject } from "../../events/sns-notification.js";
import { checkFifoId } from "../../events/sqs.js";
import {
  attributesSize,
  checkMessageAttributes,
  type WireMessageAttribute,
} from "./message-attributes.js";
import { type ProtocolMessages, protocolMessages } from "./message-structure.js";
import {
  batchRequestTooLong,
  invalidParameter,
  invalidParameterReason,
  missingMember,
} from "./sns-errors.js";

/** A message to publish, as the backend takes it: content checked, topic rules not yet. */
export interface SnsPublishRequest {
  readonly message: string;
  readonly subject?: string;
  readonly messageAttributes: SNSMessageAttributes;
  /** Present when published with `MessageStructure=json`. */
  readonly protocolMessages?: ProtocolMessages;
  readonly messageGroupId?: string;
  readonly messageDeduplicationId?: string;
}

/** One message as Publish or a PublishBatch entry carries it. */
export interface WirePublish {
  readonly Message?: string;
  readonly Subject?: string;
  readonly MessageStructure?: string;
  readonly MessageAttributes: Readonly<Record<string, WireMessageAttribute>>;
  readonly MessageGroupId?: string;
  readonly MessageDeduplicationId?: string;
}

/** Publish and PublishBatch take at most 256 KiB, attributes included. */
const MAX_PUBLISH_BYTES = 256 * 1024;

/**
 * Checks a message's content as SNS does. `path` locates it in the request for SNS's message
 * about a missing member (empty for Publish, `publishBatchRequestEntries.1.member.` for a batch).
 */
export function checkPublish(wire: WirePublish, path = ""): SnsPublishRequest {
  const { Message: message, Subject: subject, MessageStructure: structure } = wire;
  if (message === undefined) throw missingMember(`${path}message`);
  if (message === "") throw invalidParameter("Empty message");
  if (subject !== undefined && checkSubject(subject) !== undefined) {
    throw invalidParameter("Subject");
  }
  const messageAttributes = checkMessageAttributes(
    wire.MessageAttributes,
    `${path}messageAttributes`,
  );
  const messageGroupId = checkedFifoId("MessageGroupId", wire.MessageGroupId);
  const messageDeduplicationId = checkedFifoId(
    "MessageDeduplicationId",
    wire.MessageDeduplicationId,
  );
  return {
    message,
    ...(subject !== undefined && { subject }),
    messageAttributes,
    ...(structure !== undefined && { protocolMessages: protocolMessages(message, structure) }),
    ...(messageGroupId !== undefined && { messageGroupId }),
    ...(messageDeduplicationId !== undefined && { messageDeduplicationId }),
  };
}

/** Publish refuses a message over the size limit. */
export function checkMessageSize(request: SnsPublishRequest): void {
  if (publishSize(request) > MAX_PUBLISH_BYTES) throw invalidParameter("Message too long");
}

/** PublishBatch refuses a batch whose messages together are over the size limit. */
export function checkBatchSize(requests: readonly SnsPublishRequest[]): void {
  const total = requests.reduce((size, request) => size + publishSize(request), 0);
  if (total > MAX_PUBLISH_BYTES) throw batchRequestTooLong();
}

function publishSize(request: SnsPublishRequest): number {
  return Buffer.byteLength(request.message) + attributesSize(request.messageAttributes);
}

function checkedFifoId(param: string, value: string | undefined): string | undefined {
  const problem = value === undefined ? undefined : checkFifoId(value);
  if (problem !== undefined) throw invalidParameterReason(param, problem);
  return value;
}
