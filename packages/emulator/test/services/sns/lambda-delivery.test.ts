import { PublishCommand } from "@aws-sdk/client-sns";
import type { SNSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { detectSource } from "../../../../runtime/src/sources/index.js";
import { shapeDifferences } from "../../events/key-shape.js";
import { FAMILIES } from "../../events/samples.js";
import { FUNCTION_ARN, queueArn, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();

describe("delivery to the app's function", () => {
  it("invokes it asynchronously with one SNS record, shaped like the real ones", async () => {
    const { sns, invoker, deliver } = emulator();
    const { topicArn: TopicArn, subscriptionArn: SubscriptionArn } = await emulator().topicWith(
      "lambda",
      FUNCTION_ARN,
    );
    const { MessageId } = await sns.send(
      new PublishCommand({
        TopicArn,
        Message: "hello",
        Subject: "Order",
        MessageAttributes: { attr1: { DataType: "String", StringValue: "v" } },
      }),
    );
    await sns.send(new PublishCommand({ TopicArn, Message: "again" }));
    await deliver();
    expect(invoker.invocations).toHaveLength(2);
    const [invocation] = invoker.invocations;
    expect(invocation).toMatchObject({ invocationType: "Event", trigger: "sns:bartender" });
    const event = invocation?.payload as SNSEvent;
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0]).toMatchObject({
      EventSource: "aws:sns",
      EventVersion: "1.0",
      EventSubscriptionArn: SubscriptionArn,
      Sns: {
        Type: "Notification",
        MessageId,
        TopicArn,
        Subject: "Order",
        Message: "hello",
        SignatureVersion: "1",
        MessageAttributes: { attr1: { Type: "String", Value: "v" } },
      },
    });
    const { fixtures, rules } = FAMILIES.sns;
    expect(shapeDifferences(event, fixtures(), rules)).toEqual({ unknown: [], missing: [] });
    expect(detectSource(event)).toMatchObject({ kind: "sns", key: "bartender" });
  });

  it("passes the endpoint's qualifier on", async () => {
    const { sns, invoker, deliver } = emulator();
    const { topicArn: TopicArn } = await emulator().topicWith("lambda", `${FUNCTION_ARN}:live`);
    await sns.send(new PublishCommand({ TopicArn, Message: "m" }));
    await deliver();
    expect(invoker.invocations[0]?.qualifier).toBe("live");
  });

  it("leaves a failing function to Lambda, and retries a throttled call", async () => {
    const { sns, invoker, failures, deliver } = emulator();
    const { topicArn: TopicArn } = await emulator().topicWith("lambda", FUNCTION_ARN);
    const failed = { errorType: "Error", errorMessage: "boom" };
    const outcomes = [
      {
        ok: false,
        kind: "throttled",
        error: { errorType: "TooManyRequestsException", errorMessage: "Rate exceeded" },
      },
      { ok: false, kind: "function", error: failed },
    ] as const;
    let call = 0;
    invoker.outcome = () => outcomes[call++] ?? { ok: true, payload: null };
    await sns.send(new PublishCommand({ TopicArn, Message: "m" }));
    await deliver();
    expect(invoker.invocations).toHaveLength(2);
    expect(failures).toEqual([]);
  });

  it("dead-letters at once a message for a function the emulator does not run", async () => {
    const { sns, queues, invoker, failures, deliver } = emulator();
    const otherFunction = FUNCTION_ARN.replace("bartender-dev", "other");
    const redrive = JSON.stringify({ deadLetterTargetArn: queueArn("dlq") });
    const { topicArn: TopicArn, subscriptionArn: SubscriptionArn } = await emulator().topicWith(
      "lambda",
      otherFunction,
      {
        RedrivePolicy: redrive,
      },
    );
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn, Message: "m" }));
    await deliver();
    expect(invoker.invocations).toEqual([]);
    expect(JSON.parse(queues.to(queueArn("dlq"))[0]?.body ?? "")).toMatchObject({
      Type: "Notification",
      MessageId,
      Message: "m",
    });
    expect(failures).toEqual([
      {
        subscriptionArn: SubscriptionArn,
        messageId: MessageId,
        reason: expect.stringContaining(`Function not found: ${otherFunction}`),
        deadLetterTargetArn: queueArn("dlq"),
      },
    ]);
  });

  it("delivers only the messages whose body matches (scope MessageBody)", async () => {
    const { sns, invoker, deliver } = emulator();
    const FilterPolicy = JSON.stringify({ order: { status: ["paid"] } });
    const { topicArn: TopicArn } = await emulator().topicWith("lambda", FUNCTION_ARN, {
      FilterPolicy,
      FilterPolicyScope: "MessageBody",
    });
    for (const status of ["paid", "open"]) {
      await sns.send(
        new PublishCommand({ TopicArn, Message: JSON.stringify({ order: { status } }) }),
      );
    }
    await sns.send(new PublishCommand({ TopicArn, Message: "not JSON" }));
    await deliver();
    expect(invoker.messages()).toEqual(['{"order":{"status":"paid"}}']);
  });
});
