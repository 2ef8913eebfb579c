import type { S3Event, SNSEvent, SQSEvent } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BatchFailedError, Domovoi, NoHandlerError } from "../../src/index.js";
import {
  eventBridgeEvent,
  S3_TEST_EVENT,
  s3Notification,
  snsEnvelopeText,
  sqsBatch,
} from "../support/events.js";
import { lambdaContext } from "../support/lambda-context.js";

type Calls = Record<string, unknown[]>;

/** An app with a handler for the queue and for each source a message may carry. */
function shop(overrides: { queue?: (event: SQSEvent) => unknown; topic?: () => unknown } = {}) {
  const calls: Calls = { queue: [], topic: [], bucket: [], rule: [] };
  const app = new Domovoi({ name: "shop" });
  app.sqsQueueSubscriber("orders", { name: "queue" }, async (event) => {
    calls.queue!.push(event);
    return overrides.queue?.(event);
  });
  app.snsTopicSubscriber("news", { name: "topic" }, async (event: SNSEvent) => {
    calls.topic!.push(event);
    return overrides.topic?.();
  });
  app.s3EventHandler({ name: "bucket", bucket: "my-s3-bucket" }, async (event: S3Event) => {
    calls.bucket!.push(event);
  });
  app.cloudwatchEventHandler({ source: ["aws.ecs"] }, { name: "rule" }, async (event) => {
    calls.rule!.push(event);
  });
  return { app, calls };
}

const context = lambdaContext("shop-dev");
const s3Put = () => JSON.stringify(s3Notification("my-s3-bucket", ["ObjectCreated:Put", "a.txt"]));
const ecsEvent = () => JSON.stringify(eventBridgeEvent("aws.ecs", "ECS Task State Change"));

describe("SQS dispatch", () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("gives a batch of the queue's own messages to its handler, unchanged", async () => {
    const { app, calls } = shop({ queue: () => "done" });
    const event = sqsBatch("orders", ["plain", '{"beer":1}', "[1,2]"]);
    await expect(app.handler(event, context)).resolves.toBe("done");
    expect(calls.queue).toEqual([event]);
    expect(calls.queue![0]).toBe(event);
  });

  it("sends each message to the handler of what it carries and the rest to the queue", async () => {
    const { app, calls } = shop();
    const event = sqsBatch("orders", [
      "plain",
      snsEnvelopeText("news", "hello"),
      s3Put(),
      ecsEvent(),
      JSON.stringify(S3_TEST_EVENT),
      snsEnvelopeText("elsewhere", "not ours"),
    ]);
    await expect(app.handler(event, context)).resolves.toEqual({ batchItemFailures: [] });
    expect((calls.queue as SQSEvent[]).map((e) => e.Records.map((r) => r.messageId))).toEqual([
      ["m0", "m5"],
    ]);
    const [sns] = calls.topic as SNSEvent[];
    expect(sns!.Records[0]!).toMatchObject({
      EventSource: "aws:sns",
      Sns: {
        Message: "hello",
        SigningCertUrl: expect.any(String),
        UnsubscribeUrl: expect.any(String),
      },
    });
    expect((calls.bucket as S3Event[])[0]!.Records[0]!.s3.object.key).toBe("a.txt");
    expect(calls.rule).toEqual([JSON.parse(ecsEvent())]);
  });

  it("reports each record's outcome on its own", async () => {
    const { app } = shop({
      topic: () => {
        throw new Error("topic failed");
      },
      queue: (event) => ({ batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }] }),
    });
    const event = sqsBatch("orders", ["a", snsEnvelopeText("news", "x"), "b", s3Put()]);
    await expect(app.handler(event, context)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: "m1" }, { itemIdentifier: "m2" }],
    });
  });

  it("fails all of the queue handler's records when it throws or answers nonsense", async () => {
    const throwing = shop({
      queue: () => {
        throw new Error("queue failed");
      },
    });
    const event = sqsBatch("orders", ["a", s3Put(), "b"]);
    await expect(throwing.app.handler(event, context)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: "m0" }, { itemIdentifier: "m2" }],
    });
    const confused = shop({ queue: () => ({ batchItemFailures: [{ itemIdentifier: "zz" }] }) });
    await expect(confused.app.handler(event, context)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: "m0" }, { itemIdentifier: "m2" }],
    });
  });

  it("throws when every record of a split batch fails", async () => {
    const { app } = shop({
      topic: () => {
        throw new Error("topic failed");
      },
      queue: () => {
        throw new Error("queue failed");
      },
    });
    const event = sqsBatch("orders", ["a", snsEnvelopeText("news", "x")]);
    await expect(app.handler(event, context)).rejects.toThrow(BatchFailedError);
  });

  it("acknowledges S3 test events, direct or published, without running any handler", async () => {
    const { app, calls } = shop();
    const test = JSON.stringify(S3_TEST_EVENT);
    const published = snsEnvelopeText("alerts", test, "Amazon S3 Notification");
    const event = sqsBatch("orders", [test, published]);
    await expect(app.handler(event, context)).resolves.toEqual({ batchItemFailures: [] });
    expect(Object.values(calls).flat()).toEqual([]);
  });

  it("routes a queue without a handler of its own, failing only the records left over", async () => {
    const app = new Domovoi({ name: "shop" });
    app.s3EventHandler({ bucket: "my-s3-bucket", useSns: false, useSqs: true }, async () => {});
    await expect(app.handler(sqsBatch("bridge", [s3Put(), "stray"]), context)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: "m1" }],
    });
    await expect(app.handler(sqsBatch("bridge", ["stray"]), context)).rejects.toThrow(
      NoHandlerError,
    );
  });

  it("rejects a split batch whose message has no id, rather than lose track of it", async () => {
    const { app } = shop();
    const event = sqsBatch("orders", ["a", s3Put()]);
    delete (event.Records[0] as { messageId?: string }).messageId;
    await expect(app.handler(event, context)).rejects.toThrow(/Records\[0\]\.messageId/);
  });
});
