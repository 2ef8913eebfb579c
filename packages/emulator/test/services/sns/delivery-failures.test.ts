import { PublishCommand, UnsubscribeCommand } from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { AwsServiceError } from "../../../src/services/errors.js";
import { queueArn, REGION, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();

const queueDoesNotExist = () =>
  new AwsServiceError("QueueDoesNotExist", "The specified queue does not exist.");
const serviceUnavailable = () =>
  new AwsServiceError("ServiceUnavailable", "Try again.", { statusCode: 503 });

describe("delivery failures", () => {
  it("dead-letters at once what SQS refuses as the caller's fault, raw as it was", async () => {
    const { sns, queues, failures, deliver } = emulator();
    const redrive = JSON.stringify({ deadLetterTargetArn: queueArn("dlq") });
    const { topicArn: TopicArn } = await emulator().topicWith("sqs", queueArn("gone"), {
      RawMessageDelivery: "true",
      RedrivePolicy: redrive,
    });
    queues.failFor(queueArn("gone"), queueDoesNotExist);
    await sns.send(
      new PublishCommand({
        TopicArn,
        Message: "m",
        MessageAttributes: { attr1: { DataType: "Number", StringValue: "111" } },
      }),
    );
    await deliver();
    expect(queues.to(queueArn("dlq"))).toEqual([
      {
        body: "m",
        messageAttributes: {
          attr1: {
            stringValue: "111",
            stringListValues: [],
            binaryListValues: [],
            dataType: "Number",
          },
        },
      },
    ]);
    expect(failures[0]).toMatchObject({
      reason: "QueueDoesNotExist: The specified queue does not exist.",
      deadLetterTargetArn: queueArn("dlq"),
    });
  });

  it("retries server-side failures on SNS's schedule for AWS-managed endpoints", async () => {
    const { sns, clock, queues, deliver } = emulator();
    const { topicArn: TopicArn } = await emulator().topicWith("sqs", queueArn("q"));
    queues.failFor(queueArn("q"), serviceUnavailable, 4);
    await sns.send(new PublishCommand({ TopicArn, Message: "m" }));
    await deliver();
    expect(queues.sent).toEqual([]);
    await clock.advance(999);
    expect(queues.sent).toEqual([]);
    await clock.advance(1);
    expect(queues.sent).toHaveLength(1);
  });

  it("reports a message lost without a dead-letter queue", async () => {
    const { sns, queues, failures, deliver } = emulator();
    const { topicArn: TopicArn, subscriptionArn: SubscriptionArn } = await emulator().topicWith(
      "sqs",
      queueArn("gone"),
    );
    queues.failFor(queueArn("gone"), queueDoesNotExist);
    await sns.send(new PublishCommand({ TopicArn, Message: "m" }));
    await deliver();
    expect(failures).toEqual([
      expect.objectContaining({ subscriptionArn: SubscriptionArn, deadLetterTargetArn: undefined }),
    ]);
  });

  it("delivers nothing to a subscription removed before the delivery ran", async () => {
    const { sns, queues, failures, deliver } = emulator();
    const { topicArn: TopicArn, subscriptionArn: SubscriptionArn } = await emulator().topicWith(
      "sqs",
      queueArn("q"),
    );
    await sns.send(new PublishCommand({ TopicArn, Message: "m" }));
    await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
    await deliver();
    expect(queues.sent).toEqual([]);
    expect(failures).toEqual([]);
  });

  describe("with a short retry schedule", () => {
    const shortRetries = useSnsEmulator({
      retrySchedule: (retry) => (retry <= 2 ? 1000 : undefined),
    });

    it("dead-letters a message once the retries are exhausted", async () => {
      const { backend, sns, clock, queues, failures } = shortRetries();
      const topic = backend.createTopic(REGION, "t");
      const subscription = backend.subscribe(topic, "sqs", queueArn("q"), {
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: queueArn("dlq") }),
      });
      queues.failFor(queueArn("q"), serviceUnavailable);
      await sns.send(new PublishCommand({ TopicArn: topic.arn, Message: "m" }));
      await clock.advance(1999);
      expect(queues.to(queueArn("dlq"))).toEqual([]);
      await clock.advance(1);
      expect(queues.to(queueArn("dlq"))).toHaveLength(1);
      expect(failures).toEqual([
        expect.objectContaining({
          subscriptionArn: subscription.arn,
          reason: "ServiceUnavailable: Try again.",
          deadLetterTargetArn: queueArn("dlq"),
        }),
      ]);
    });
  });
});
