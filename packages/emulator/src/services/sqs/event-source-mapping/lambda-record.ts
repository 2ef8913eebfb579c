import type { SQSRecord, SQSRecordAttributes } from "aws-lambda";
import type { Delivery } from "../message.js";

/**
 * An SQS record as Lambda delivers it. Lambda sends `md5OfMessageAttributes: null` for a message
 * without attributes (recorded against AWS), which `@types/aws-lambda` does not allow for.
 */
export interface LambdaSqsRecord extends Omit<SQSRecord, "md5OfMessageAttributes"> {
  readonly md5OfMessageAttributes: string | null;
}

export interface RecordSource {
  readonly arn: string;
  readonly region: string;
}

/** The record Lambda's poller builds for one received message, fields in Lambda's order. */
export function lambdaRecord(delivery: Delivery, queue: RecordSource): LambdaSqsRecord {
  const { message } = delivery;
  return {
    messageId: message.messageId,
    receiptHandle: delivery.receiptHandle,
    body: message.body,
    attributes: recordAttributes(delivery),
    messageAttributes: message.messageAttributes,
    md5OfMessageAttributes: message.md5OfMessageAttributes ?? null,
    md5OfBody: message.md5OfBody,
    eventSource: "aws:sqs",
    eventSourceARN: queue.arn,
    awsRegion: queue.region,
  };
}

function recordAttributes({ message, receiveCount, firstReceiveTimestamp }: Delivery) {
  const attributes: SQSRecordAttributes = {
    ApproximateReceiveCount: String(receiveCount),
    ...(message.systemAttributes.AWSTraceHeader?.stringValue !== undefined && {
      AWSTraceHeader: message.systemAttributes.AWSTraceHeader.stringValue,
    }),
    SentTimestamp: String(message.sentTimestamp),
    ...(message.sequenceNumber !== undefined && { SequenceNumber: message.sequenceNumber }),
    ...(message.messageGroupId !== undefined && { MessageGroupId: message.messageGroupId }),
    SenderId: message.senderId,
    ...(message.messageDeduplicationId !== undefined && {
      MessageDeduplicationId: message.messageDeduplicationId,
    }),
    ApproximateFirstReceiveTimestamp: String(firstReceiveTimestamp),
    ...(message.deadLetterQueueSourceArn !== undefined && {
      DeadLetterQueueSourceArn: message.deadLetterQueueSourceArn,
    }),
  };
  return attributes;
}
