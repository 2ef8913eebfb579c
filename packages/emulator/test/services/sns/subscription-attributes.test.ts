import {
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  SetSubscriptionAttributesCommand,
  UnsubscribeCommand,
} from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, queueArn, REGION, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();

describe("SetSubscriptionAttributes", () => {
  it("changes attributes one at a time, with SetSubscriptionAttributes's wording of errors", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const SubscriptionArn = await emulator().subscribe(TopicArn, "sqs", queueArn("q"));
    const set = (AttributeName: string, AttributeValue: string) =>
      sns.send(
        new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName, AttributeValue }),
      );
    await set("FilterPolicy", JSON.stringify({ a: ["b"] }));
    await set("FilterPolicyScope", "MessageBody");
    await set("RawMessageDelivery", "true");
    const { Attributes } = await sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn }),
    );
    expect(Attributes).toMatchObject({
      FilterPolicy: '{"a":["b"]}',
      FilterPolicyScope: "MessageBody",
      RawMessageDelivery: "true",
    });
    for (const [name, value, message] of [
      ["Colour", "red", "Invalid parameter: AttributeName"],
      [
        "RawMessageDelivery",
        "",
        "Invalid parameter: RawMessageDelivery: Invalid value []. Must be true or false.",
      ],
      ["RedrivePolicy", "{invalidjson}", "Invalid parameter: RedrivePolicy: failed to parse JSON."],
      [
        "FilterPolicyScope",
        "RandomValue",
        "Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes",
      ],
    ] as const) {
      expect((await failureOf(set(name, value))).message).toBe(message);
    }
  });

  it("refuses a nested policy once the scope goes back to MessageAttributes", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const SubscriptionArn = await emulator().subscribe(TopicArn, "sqs", queueArn("q"), {
      FilterPolicyScope: "MessageBody",
      FilterPolicy: JSON.stringify({ object: { key: [{ prefix: "auto-" }] } }),
    });
    const error = await failureOf(
      sns.send(
        new SetSubscriptionAttributesCommand({
          SubscriptionArn,
          AttributeName: "FilterPolicyScope",
          AttributeValue: "MessageAttributes",
        }),
      ),
    );
    expect(error.message).toBe(
      "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy",
    );
  });

  it("asks a FIFO subscription for a FIFO dead-letter queue", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic("t.fifo", { FifoTopic: "true" });
    const SubscriptionArn = await emulator().subscribe(TopicArn, "sqs", queueArn("q.fifo"));
    const error = await failureOf(
      sns.send(
        new SetSubscriptionAttributesCommand({
          SubscriptionArn,
          AttributeName: "RedrivePolicy",
          AttributeValue: JSON.stringify({ deadLetterTargetArn: queueArn("dlq") }),
        }),
      ),
    );
    expect(error.message).toBe(
      "Invalid parameter: RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.",
    );
  });

  it("answers NotFound for a subscription that does not exist", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const SubscriptionArn = `${TopicArn}:00000000-0000-4000-8000-000000000000`;
    expect(
      await failureOf(
        sns.send(
          new SetSubscriptionAttributesCommand({
            SubscriptionArn,
            AttributeName: "RawMessageDelivery",
            AttributeValue: "true",
          }),
        ),
      ),
    ).toMatchObject({
      name: "NotFoundException",
      message: "Subscription does not exist",
      status: 404,
    });
  });
});

describe("Unsubscribe", () => {
  it("removes the subscription, counts it, and succeeds again", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const SubscriptionArn = await emulator().subscribe(TopicArn, "sqs", queueArn("q"));
    await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
    await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
    const { Subscriptions } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    expect(Subscriptions).toEqual([]);
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
    expect(Attributes).toMatchObject({ SubscriptionsConfirmed: "0", SubscriptionsDeleted: "1" });
    expect(
      await failureOf(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))),
    ).toMatchObject({ name: "NotFoundException" });
  });

  it.each([
    [
      "randomstring",
      "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1",
    ],
    [
      "arn:aws:sns:us-east-1:random",
      "Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 5",
    ],
    ["arn:aws:sns:us-east-1:111111111111:random", "Invalid parameter: SubscriptionId"],
  ])("refuses the malformed ARN %s", async (SubscriptionArn, message) => {
    const { sns } = emulator();
    expect(await failureOf(sns.send(new UnsubscribeCommand({ SubscriptionArn })))).toMatchObject({
      name: "InvalidParameterException",
      message,
    });
  });
});

describe("ListSubscriptions / ListSubscriptionsByTopic", () => {
  it("lists subscriptions 100 a page with SNS's fields", async () => {
    const { sns, backend } = emulator();
    const a = backend.createTopic(REGION, "a");
    const b = backend.createTopic(REGION, "b");
    for (let index = 0; index < 120; index++) {
      backend.subscribe(index % 2 === 0 ? a : b, "sqs", queueArn(`q${index}`));
    }
    const first = await sns.send(new ListSubscriptionsCommand({}));
    const second = await sns.send(new ListSubscriptionsCommand({ NextToken: first.NextToken }));
    expect([first.Subscriptions?.length, second.Subscriptions?.length]).toEqual([100, 20]);
    expect(second.NextToken).toBeUndefined();
    expect(first.Subscriptions?.[1]).toEqual({
      SubscriptionArn: expect.stringMatching(/^arn:aws:sns:us-east-1:000000000000:b:/),
      Owner: ACCOUNT,
      Protocol: "sqs",
      Endpoint: queueArn("q1"),
      TopicArn: b.arn,
    });
    const byTopic = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: a.arn }));
    expect(byTopic.Subscriptions).toHaveLength(60);
    expect(byTopic.Subscriptions?.every((subscription) => subscription.TopicArn === a.arn)).toBe(
      true,
    );
  });

  it("answers NotFound for the subscriptions of a topic that does not exist", async () => {
    const { sns } = emulator();
    expect(
      await failureOf(
        sns.send(
          new ListSubscriptionsByTopicCommand({
            TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:nope`,
          }),
        ),
      ),
    ).toMatchObject({ name: "NotFoundException" });
  });
});
