import { PutEventsCommand, type Target } from "@aws-sdk/client-eventbridge";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT,
  FUNCTION_ARN,
  queueArn,
  REGION,
  START,
  useEventBridgeEmulator,
} from "./harness.js";

const emulator = useEventBridgeEmulator();

const DLQ = queueArn("dlq");
const RULE_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:rule/r`;

/** One rule with `target`, and one event put through it; the event's id. */
async function putThrough(target: Target): Promise<string> {
  const { ruleWith, events } = emulator();
  await ruleWith({ Name: "r", EventPattern: '{"source":["shop"]}' }, [target]);
  const { Entries } = await events.send(
    new PutEventsCommand({ Entries: [{ Source: "shop", DetailType: "order", Detail: "{}" }] }),
  );
  return Entries?.[0]?.EventId ?? "";
}

function dlqMessages() {
  return emulator()
    .sinks.queued.filter((sent) => sent.queueArn === DLQ)
    .map((sent) => ({
      event: JSON.parse(sent.message.body),
      attributes: Object.fromEntries(
        Object.entries(sent.message.messageAttributes).map(([name, value]) => [
          name,
          value.stringValue,
        ]),
      ),
    }));
}

describe("retries and dead-letter queues", () => {
  it("retries a throttled invocation on the clock until Lambda takes it", async () => {
    const { invoker, clock, deliver } = emulator();
    invoker.throttle(2);
    await putThrough({ Id: "fn", Arn: FUNCTION_ARN });
    await deliver();
    expect(invoker.invocations).toHaveLength(1);
    await clock.advance(1000);
    expect(invoker.invocations).toHaveLength(2);
    await clock.advance(2000);
    expect(invoker.invocations).toHaveLength(3);
    await clock.advance(60 * 60_000);
    expect(invoker.invocations).toHaveLength(3);
    expect(emulator().failures).toEqual([]);
  });

  it("leaves a function's own failure to Lambda's asynchronous retries", async () => {
    const { invoker, clock, deliver, failures } = emulator();
    invoker.outcome = () => ({
      ok: false,
      kind: "function",
      error: { errorType: "Error", errorMessage: "boom" },
    });
    await putThrough({ Id: "fn", Arn: FUNCTION_ARN });
    await deliver();
    await clock.advance(60 * 60_000);
    expect(invoker.invocations).toHaveLength(1);
    expect(failures).toEqual([]);
  });

  it("dead-letters an event once MaximumRetryAttempts are spent, with EventBridge's attributes", async () => {
    const { invoker, clock, deliver, failures } = emulator();
    invoker.throttle();
    const eventId = await putThrough({
      Id: "fn",
      Arn: FUNCTION_ARN,
      RetryPolicy: { MaximumRetryAttempts: 2 },
      DeadLetterConfig: { Arn: DLQ },
    });
    await deliver();
    await clock.advance(60_000);
    expect(invoker.invocations).toHaveLength(3);
    expect(dlqMessages()).toEqual([
      {
        event: expect.objectContaining({ id: eventId, source: "shop" }),
        attributes: {
          RULE_ARN,
          TARGET_ARN: FUNCTION_ARN,
          ERROR_CODE: "THROTTLING",
          ERROR_MESSAGE: "TooManyRequestsException: Rate Exceeded.",
          EXHAUSTED_RETRY_CONDITION: "MaximumRetryAttemptsExhausted",
          RETRY_ATTEMPTS: "2",
        },
      },
    ]);
    expect(failures).toEqual([
      {
        ruleArn: RULE_ARN,
        targetId: "fn",
        targetArn: FUNCTION_ARN,
        eventId,
        reason: "TooManyRequestsException: Rate Exceeded.",
        deadLetterArn: DLQ,
      },
    ]);
  });

  it("stops retrying once the event is older than MaximumEventAgeInSeconds", async () => {
    const { invoker, clock, deliver } = emulator();
    invoker.throttle();
    await putThrough({
      Id: "fn",
      Arn: FUNCTION_ARN,
      RetryPolicy: { MaximumEventAgeInSeconds: 60 },
      DeadLetterConfig: { Arn: DLQ },
    });
    await deliver();
    await clock.advance(10 * 60_000);
    const [message] = dlqMessages();
    expect(message?.attributes.EXHAUSTED_RETRY_CONDITION).toBe("MaximumEventAgeExhausted");
    expect(clock.now() - START).toBe(10 * 60_000);
    // 1 + 2 + 4 + 8 + 16 seconds of waiting fit in the minute; the sixth retry would not.
    expect(invoker.invocations).toHaveLength(6);
  });

  it("dead-letters at once what can never succeed: a function the emulator does not run", async () => {
    const { deliver, failures, invoker } = emulator();
    const other = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:other`;
    await putThrough({ Id: "other", Arn: other, DeadLetterConfig: { Arn: DLQ } });
    await deliver();
    expect(invoker.invocations).toEqual([]);
    expect(dlqMessages()[0]?.attributes).toEqual({
      RULE_ARN,
      TARGET_ARN: other,
      ERROR_CODE: "NO_RESOURCE",
      ERROR_MESSAGE: "Function not found: other (the emulator runs bartender-dev)",
      RETRY_ATTEMPTS: "0",
    });
    expect(failures).toHaveLength(1);
  });

  it("reports an event lost when the target has no dead-letter queue", async () => {
    const { deliver, failures } = emulator();
    await putThrough({ Id: "q", Arn: queueArn("missing") });
    await deliver();
    expect(failures).toEqual([
      expect.objectContaining({
        targetId: "q",
        reason: "QueueDoesNotExist: The specified queue does not exist.",
        deadLetterArn: undefined,
      }),
    ]);
  });

  it("refuses to give a Lambda target input that is not JSON", async () => {
    const { deliver, failures, invoker } = emulator();
    await putThrough({
      Id: "fn",
      Arn: FUNCTION_ARN,
      InputTransformer: { InputPathsMap: { s: "$.source" }, InputTemplate: "<s> happened" },
    });
    await deliver();
    expect(invoker.invocations).toEqual([]);
    expect(failures[0]?.reason).toBe("The target's input is not JSON, which Lambda requires.");
  });
});
