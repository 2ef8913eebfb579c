import {
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SubscribeCommand,
} from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { ACCOUNT, FUNCTION_ARN, failureOf, queueArn, REGION, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();

describe("Subscribe", () => {
  it("confirms an SQS subscription at once, with SNS's attributes", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const SubscriptionArn = await emulator().subscribe(TopicArn, "sqs", queueArn("q"));
    expect(SubscriptionArn).toMatch(new RegExp(`^${TopicArn}:[0-9a-f-]{36}$`));
    const { Attributes } = await sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn }),
    );
    expect(Attributes).toEqual({
      ConfirmationWasAuthenticated: "true",
      Endpoint: queueArn("q"),
      Owner: ACCOUNT,
      PendingConfirmation: "false",
      Protocol: "sqs",
      RawMessageDelivery: "false",
      SubscriptionArn,
      SubscriptionPrincipal: `arn:aws:iam::${ACCOUNT}:root`,
      TopicArn,
    });
  });

  it("takes FilterPolicy, FilterPolicyScope, RawMessageDelivery and RedrivePolicy", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const filterPolicy = JSON.stringify({ attr1: [{ numeric: [">", 0, "<=", 100] }] });
    const redrivePolicy = JSON.stringify({ deadLetterTargetArn: queueArn("dlq") });
    const SubscriptionArn = await emulator().subscribe(TopicArn, "sqs", queueArn("q"), {
      FilterPolicy: filterPolicy,
      RawMessageDelivery: "TrUe",
      RedrivePolicy: redrivePolicy,
    });
    const { Attributes } = await sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn }),
    );
    expect(Attributes).toMatchObject({
      FilterPolicy: filterPolicy,
      FilterPolicyScope: "MessageAttributes",
      RawMessageDelivery: "true",
      RedrivePolicy: redrivePolicy,
    });
  });

  it("shows no scope while there is no policy, as SNS does", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const SubscriptionArn = await emulator().subscribe(TopicArn, "sqs", queueArn("q"), {
      FilterPolicyScope: "MessageBody",
      FilterPolicy: "",
    });
    const { Attributes } = await sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn }),
    );
    expect(Attributes).not.toHaveProperty("FilterPolicy");
    expect(Attributes).not.toHaveProperty("FilterPolicyScope");
  });

  it("subscribes the app's function by ARN", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const SubscriptionArn = await emulator().subscribe(TopicArn, "lambda", FUNCTION_ARN);
    const { Attributes } = await sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn }),
    );
    expect(Attributes).toMatchObject({ Protocol: "lambda", Endpoint: FUNCTION_ARN });
  });

  it("is idempotent for the same endpoint unless an attribute differs", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const first = await emulator().subscribe(TopicArn, "sqs", queueArn("q"), {
      RawMessageDelivery: "true",
    });
    expect(
      await emulator().subscribe(TopicArn, "sqs", queueArn("q"), { RawMessageDelivery: "true" }),
    ).toBe(first);
    expect(await emulator().subscribe(TopicArn, "sqs", queueArn("q"))).toBe(first);
    expect(await emulator().subscribe(TopicArn, "sqs", queueArn("q"), {})).toBe(first);
    expect(
      await failureOf(
        sns.send(
          new SubscribeCommand({
            TopicArn,
            Protocol: "sqs",
            Endpoint: queueArn("q"),
            Attributes: { RawMessageDelivery: "false" },
          }),
        ),
      ),
    ).toMatchObject({
      message:
        "Invalid parameter: Attributes Reason: Subscription already exists with different attributes",
    });
  });

  it("keeps http(s) and email subscriptions pending confirmation, never delivered", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    expect(await emulator().subscribe(TopicArn, "https", "https://example.com/hook")).toBe(
      "pending confirmation",
    );
    expect(await emulator().subscribe(TopicArn, "email", "jane@example.com")).toBe(
      "pending confirmation",
    );
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: "http",
        Endpoint: "http://localhost/hook",
        ReturnSubscriptionArn: true,
      }),
    );
    expect(SubscriptionArn).toMatch(/^arn:aws:sns:/);
    const { Subscriptions } = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    expect(Subscriptions?.map((subscription) => subscription.SubscriptionArn)).toEqual([
      "PendingConfirmation",
      "PendingConfirmation",
      "PendingConfirmation",
    ]);
    const { Attributes } = await sns.send(new GetTopicAttributesCommand({ TopicArn }));
    expect(Attributes).toMatchObject({ SubscriptionsConfirmed: "0", SubscriptionsPending: "3" });
  });

  it.each([
    [
      "an unknown protocol",
      "pigeon",
      "x",
      "Invalid parameter: Amazon SNS does not support this protocol string: pigeon",
    ],
    [
      "a queue URL instead of an ARN",
      "sqs",
      `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/q`,
      "Invalid parameter: SQS endpoint ARN",
    ],
    [
      "a function name instead of an ARN",
      "lambda",
      "bartender-dev",
      "Invalid parameter: Lambda endpoint ARN",
    ],
    [
      "an http endpoint of another scheme",
      "http",
      "https://example.com",
      "Invalid parameter: Endpoint must match the specified protocol",
    ],
    [
      "a FIFO queue on a standard topic",
      "sqs",
      queueArn("q.fifo"),
      "Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics",
    ],
  ])("refuses %s", async (_case, Protocol, Endpoint, message) => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    expect(
      await failureOf(sns.send(new SubscribeCommand({ TopicArn, Protocol, Endpoint }))),
    ).toMatchObject({ name: "InvalidParameterException", message });
  });

  it.each(["sms", "application", "firehose"])(
    "refuses the %s protocol, naming the emulator",
    async (Protocol) => {
      const { sns } = emulator();
      const TopicArn = await emulator().createTopic();
      const error = await failureOf(
        sns.send(new SubscribeCommand({ TopicArn, Protocol, Endpoint: "x" })),
      );
      expect(error.message).toContain(
        `the Domovoi emulator does not deliver to the ${Protocol} protocol`,
      );
    },
  );

  it("subscribes only queues to a FIFO topic, FIFO or standard", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic("t.fifo", { FifoTopic: "true" });
    await emulator().subscribe(TopicArn, "sqs", queueArn("q.fifo"));
    await emulator().subscribe(TopicArn, "sqs", queueArn("q"));
    const error = await failureOf(
      sns.send(new SubscribeCommand({ TopicArn, Protocol: "lambda", Endpoint: FUNCTION_ARN })),
    );
    expect(error.message).toBe(
      "Invalid parameter: Protocol Reason: FIFO topics deliver to SQS queues only",
    );
  });

  it("answers NotFound for a topic that does not exist", async () => {
    const { sns } = emulator();
    expect(
      await failureOf(
        sns.send(
          new SubscribeCommand({
            TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:nope`,
            Protocol: "sqs",
            Endpoint: queueArn("q"),
          }),
        ),
      ),
    ).toMatchObject({ name: "NotFoundException", message: "Topic does not exist" });
  });

  it.each([
    [
      { RawMessageDelivery: "wrongvalue" },
      "Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.",
    ],
    [
      { FilterPolicy: "{invalid" },
      "Invalid parameter: Attributes Reason: FilterPolicy: failed to parse JSON.",
    ],
    [
      { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: "fake-arn" }) },
      "Invalid parameter: Attributes Reason: RedrivePolicy: deadLetterTargetArn is an invalid arn",
    ],
    [{ Colour: "red" }, "Invalid parameter: Attributes Reason: Unknown attribute Colour"],
  ])("refuses the attributes %j", async (Attributes, message) => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const error = await failureOf(
      sns.send(
        new SubscribeCommand({ TopicArn, Protocol: "sqs", Endpoint: queueArn("q"), Attributes }),
      ),
    );
    expect(error.message.split("\n")[0]).toBe(message);
  });

  it("refuses raw message delivery to a function", async () => {
    const { sns } = emulator();
    const TopicArn = await emulator().createTopic();
    const error = await failureOf(
      sns.send(
        new SubscribeCommand({
          TopicArn,
          Protocol: "lambda",
          Endpoint: FUNCTION_ARN,
          Attributes: { RawMessageDelivery: "true" },
        }),
      ),
    );
    expect(error.message).toBe(
      "Invalid parameter: Attributes Reason: Delivery protocol [lambda] does not support raw message delivery.",
    );
  });
});
