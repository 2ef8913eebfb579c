import type { SNSEvent, SQSEvent } from "aws-lambda";
import { firstEventLabelled } from "./corpus.js";

/** The test message S3 sends to a new SNS or SQS destination (S3 User Guide example). */
export const S3_TEST_MESSAGE = {
  Service: "Amazon S3",
  Event: "s3:TestEvent",
  Time: "2014-10-13T15:57:02.089Z",
  Bucket: "amzn-s3-demo-bucket",
  RequestId: "5582815E1AEA5ADF",
  HostId: "8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE",
} as const;

/** The corpus's SQS event with one record per body, each a copy of its first record. */
export function sqsEventWithBodies(...bodies: unknown[]): SQSEvent {
  const template = firstEventLabelled<SQSEvent>("sqs").Records[0]!;
  return {
    Records: bodies.map((body, index) => ({
      ...template,
      messageId: `message-${index}`,
      body: body as string,
    })),
  };
}

/** The SNS envelope of the corpus's sns-via-sqs fixture, with some fields replaced. */
export function snsEnvelope(replacements: Record<string, unknown> = {}): Record<string, unknown> {
  const body = firstEventLabelled<SQSEvent>("sns-via-sqs").Records[0]!.body;
  return { ...JSON.parse(body), ...replacements };
}

/** The S3 notification (JSON text) that the corpus's s3-via-sqs fixture carries. */
export function s3NotificationText(): string {
  return firstEventLabelled<SQSEvent>("s3-via-sqs").Records[0]!.body;
}

/** The corpus's SNS event with its message (and subject) replaced. */
export function snsEventWithMessage(message: string, subject?: string): SNSEvent {
  const event = firstEventLabelled<SNSEvent>("sns");
  const sns = { ...event.Records[0]!.Sns, Message: message, Subject: subject };
  return { Records: [{ ...event.Records[0]!, Sns: sns }] };
}
