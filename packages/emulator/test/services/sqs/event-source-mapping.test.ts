import { createHash } from "node:crypto";
import {
  CreateQueueCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SendMessageCommandInput,
} from "@aws-sdk/client-sqs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "../../../../../test/support/corpora.js";
import {
  SqsEventSourceMapping,
  type SqsEventSourceMappingOptions,
} from "../../../src/services/sqs/index.js";
import { FakeInvoker, fail, succeed, throttle } from "./fake-invoker.js";
import { REGION, type SqsHarness, startSqs, uniqueName, until } from "./harness.js";

let h: SqsHarness;
beforeAll(async () => {
  h = await startSqs();
});
afterAll(() => h.close());

const mappings: SqsEventSourceMapping[] = [];
afterEach(async () => {
  await Promise.all(mappings.splice(0).map((mapping) => mapping.stop()));
});

interface TestQueue {
  readonly url: string;
  readonly arn: string;
  readonly name: string;
}

async function newQueue(
  Attributes: Record<string, string> = {},
  name = uniqueName(),
): Promise<TestQueue> {
  const { QueueUrl } = await h.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes }));
  return { url: QueueUrl!, arn: `arn:aws:sqs:${REGION}:000000000000:${name}`, name };
}

const send = (
  queue: TestQueue,
  MessageBody: string,
  extra: Partial<SendMessageCommandInput> = {},
) => h.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody, ...extra }));

async function sendAll(queue: TestQueue, bodies: readonly string[], extra: object = {}) {
  for (let i = 0; i < bodies.length; i += 10) {
    const Entries = bodies
      .slice(i, i + 10)
      .map((MessageBody, j) => ({ Id: `m${i + j}`, MessageBody, ...extra }));
    await h.sqs.send(new SendMessageBatchCommand({ QueueUrl: queue.url, Entries }));
  }
}

function map(
  queue: TestQueue,
  invoker: FakeInvoker,
  options: Partial<SqsEventSourceMappingOptions> = {},
): SqsEventSourceMapping {
  const mapping = new SqsEventSourceMapping({
    backend: h.backend,
    queueArn: queue.arn,
    invoker,
    ...options,
  });
  mappings.push(mapping);
  mapping.start();
  return mapping;
}

const counts = (queue: TestQueue) => h.backend.queueByArn(queue.arn)!.counts();
const isEmpty = (queue: TestQueue) => () => {
  const { visible, notVisible, delayed } = counts(queue);
  return visible + notVisible + delayed === 0;
};

describe("records", () => {
  it("are built exactly as Lambda delivers them", async () => {
    const queue = await newQueue();
    const invoker = new FakeInvoker();
    map(queue, invoker);
    const sentAt = h.clock.now();
    const sent = await send(queue, "Test message.", {
      MessageAttributes: {
        Attribute1: { DataType: "String", StringValue: "AttributeValue1" },
        Attribute2: { DataType: "Number", StringValue: "123" },
        Attribute3: { DataType: "Binary", BinaryValue: Buffer.from("1100") },
      },
    });
    await until(() => invoker.calls.length === 1, "the invocation");
    const [call] = invoker.calls;
    expect(call).toMatchObject({ invocationType: "RequestResponse", trigger: `sqs:${queue.name}` });
    const [record] = call!.records;
    // The key order of records recorded against AWS (esm-filter-criteria corpus).
    expect(Object.keys(record!)).toEqual([
      "messageId",
      "receiptHandle",
      "body",
      "attributes",
      "messageAttributes",
      "md5OfMessageAttributes",
      "md5OfBody",
      "eventSource",
      "eventSourceARN",
      "awsRegion",
    ]);
    expect(record).toMatchObject({
      messageId: sent.MessageId,
      body: "Test message.",
      md5OfBody: createHash("md5").update("Test message.").digest("hex"),
      md5OfMessageAttributes: sent.MD5OfMessageAttributes,
      eventSource: "aws:sqs",
      eventSourceARN: queue.arn,
      awsRegion: REGION,
    });
    expect(record!.receiptHandle).toMatch(/^AQEB[A-Za-z0-9+/=]+$/);
    expect(record!.attributes).toEqual({
      ApproximateReceiveCount: "1",
      SentTimestamp: String(sentAt),
      SenderId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
      ApproximateFirstReceiveTimestamp: String(sentAt),
    });
    expect(Object.keys(record!.attributes)).toEqual([
      "ApproximateReceiveCount",
      "SentTimestamp",
      "SenderId",
      "ApproximateFirstReceiveTimestamp",
    ]);
    // Lambda's shape of message attributes (aws-lambda-go's sqs-event fixture).
    expect(record!.messageAttributes).toEqual({
      Attribute1: {
        stringValue: "AttributeValue1",
        stringListValues: [],
        binaryListValues: [],
        dataType: "String",
      },
      Attribute2: {
        stringValue: "123",
        stringListValues: [],
        binaryListValues: [],
        dataType: "Number",
      },
      Attribute3: {
        binaryValue: "MTEwMA==",
        stringListValues: [],
        binaryListValues: [],
        dataType: "Binary",
      },
    });
    await until(isEmpty(queue), "the message to be deleted");
  });

  it("have a null md5OfMessageAttributes without attributes, as AWS sends", async () => {
    const queue = await newQueue();
    const invoker = new FakeInvoker();
    map(queue, invoker);
    await send(queue, '{"foo": "bar"}');
    await until(() => invoker.calls.length === 1);
    expect(invoker.calls[0]!.records[0]).toMatchObject({
      messageAttributes: {},
      md5OfMessageAttributes: null,
    });
  });

  it("carry the FIFO attributes of FIFO queues, in Lambda's order", async () => {
    const queue = await newQueue({ FifoQueue: "true" }, `${uniqueName()}.fifo`);
    const invoker = new FakeInvoker();
    map(queue, invoker);
    const sent = await send(queue, "fifo", {
      MessageGroupId: "1",
      MessageDeduplicationId: "dedup-1",
    });
    await until(() => invoker.calls.length === 1);
    const { attributes } = invoker.calls[0]!.records[0]!;
    expect(Object.keys(attributes)).toEqual([
      "ApproximateReceiveCount",
      "SentTimestamp",
      "SequenceNumber",
      "MessageGroupId",
      "SenderId",
      "MessageDeduplicationId",
      "ApproximateFirstReceiveTimestamp",
    ]);
    expect(attributes).toMatchObject({
      SequenceNumber: sent.SequenceNumber,
      MessageGroupId: "1",
      MessageDeduplicationId: "dedup-1",
    });
  });
});

describe("records compared with real SQS events", () => {
  type Fixture = { Records: Record<string, unknown>[] };
  const fixtures = ["events/powertools/sqs/base.json", "events/aws-lambda-go/sqs-event.json"];

  it.each(fixtures)("have every field of %s, of the same type", async (file) => {
    const fixture = readCorpus<Fixture>(file).Records[0]!;
    const queue = await newQueue();
    const invoker = new FakeInvoker();
    map(queue, invoker);
    await send(queue, "x", { MessageAttributes: { a: { DataType: "String", StringValue: "v" } } });
    await until(() => invoker.calls.length === 1);
    const record = invoker.calls[0]!.records[0]! as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(fixture)) {
      expect(typeof record[key], key).toBe(typeof value);
    }
    const attributes = record.attributes as Record<string, unknown>;
    for (const key of Object.keys(fixture.attributes as object)) {
      if (key !== "DeadLetterQueueSourceArn") expect(attributes, key).toHaveProperty(key);
    }
  });
});

describe("batches", () => {
  it("hold at most batchSize records", async () => {
    const queue = await newQueue();
    await sendAll(
      queue,
      Array.from({ length: 25 }, (_, i) => `m${i}`),
    );
    const invoker = new FakeInvoker();
    map(queue, invoker, { batchSize: 10 });
    await until(isEmpty(queue), "every message to be processed");
    expect(
      invoker
        .batches()
        .map((batch) => batch.length)
        .sort((a, b) => a - b),
    ).toEqual([5, 10, 10]);
  });

  it("are gathered for the batching window on the clock", async () => {
    const queue = await newQueue();
    const invoker = new FakeInvoker();
    map(queue, invoker, { batchSize: 100, maximumBatchingWindowInSeconds: 5 });
    await send(queue, "first");
    await h.clock.advance(2000);
    await send(queue, "second");
    await h.clock.advance(2999);
    expect(invoker.calls).toHaveLength(0);
    await h.clock.advance(1);
    await until(() => invoker.calls.length === 1);
    expect(invoker.batches()).toEqual([["first", "second"]]);
  });

  it("end early when full, even within the window", async () => {
    const queue = await newQueue();
    const invoker = new FakeInvoker();
    map(queue, invoker, { batchSize: 20, maximumBatchingWindowInSeconds: 60 });
    await sendAll(
      queue,
      Array.from({ length: 20 }, (_, i) => `m${i}`),
    );
    await until(() => invoker.calls.length === 1);
    expect(invoker.batches()[0]).toHaveLength(20);
  });
});

describe("failures", () => {
  it("leave the batch in the queue, redelivered once the visibility timeout ends", async () => {
    const queue = await newQueue({ VisibilityTimeout: "30" });
    const invoker = new FakeInvoker((_records, call) => (call === 1 ? fail() : succeed()));
    map(queue, invoker);
    await send(queue, "retry me");
    await until(() => invoker.calls.length === 1);
    await until(() => invoker.running === 0);
    expect(counts(queue)).toMatchObject({ notVisible: 1 });
    await h.clock.advance(29_999);
    expect(invoker.calls).toHaveLength(1);
    await h.clock.advance(1);
    await until(() => invoker.calls.length === 2);
    expect(invoker.calls[1]!.records[0]!.attributes.ApproximateReceiveCount).toBe("2");
    await until(isEmpty(queue));
  });

  it("end in the dead-letter queue after maxReceiveCount receives", async () => {
    const dlq = await newQueue({}, uniqueName("dlq"));
    const queue = await newQueue({
      VisibilityTimeout: "10",
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
    });
    const invoker = new FakeInvoker(() => fail());
    map(queue, invoker);
    await send(queue, "poison");
    await until(() => invoker.calls.length === 1);
    await h.clock.advance(10_000);
    await until(() => invoker.calls.length === 2);
    await until(() => invoker.running === 0);
    await h.clock.advance(10_000);
    await until(() => counts(dlq).visible === 1, "the message to reach the dead-letter queue");
    expect(invoker.calls).toHaveLength(2);
    expect(isEmpty(queue)()).toBe(true);
  });

  it("keep only the records a partial batch response names", async () => {
    const queue = await newQueue({ VisibilityTimeout: "30" });
    const invoker = new FakeInvoker((records, call) =>
      succeed(
        call === 1
          ? {
              batchItemFailures: records
                .filter((r) => r.body !== "ok")
                .map((r) => ({ itemIdentifier: r.messageId })),
            }
          : { batchItemFailures: [] },
      ),
    );
    await sendAll(queue, ["ok", "bad-1", "ok", "bad-2"]);
    map(queue, invoker, { reportBatchItemFailures: true });
    await until(() => invoker.calls.length === 1);
    await until(() => counts(queue).notVisible === 2, "the processed messages to be deleted");
    await h.clock.advance(30_000);
    await until(() => invoker.calls.length === 2);
    expect(invoker.batches()[1]!.sort()).toEqual(["bad-1", "bad-2"]);
    await until(isEmpty(queue));
  });

  it.each([
    ["an item without itemIdentifier", { batchItemFailures: [{ foo: "notvalid" }] }],
    ["an empty itemIdentifier", { batchItemFailures: [{ itemIdentifier: "" }] }],
    ["an unknown message id", { batchItemFailures: [{ itemIdentifier: "not-in-the-batch" }] }],
    ["a response that is not an object", "done"],
  ])("fail the whole batch for %s", async (_what, response) => {
    const queue = await newQueue({ VisibilityTimeout: "30" });
    const invoker = new FakeInvoker(() => succeed(response));
    await sendAll(queue, ["a", "b"]);
    map(queue, invoker, { reportBatchItemFailures: true });
    await until(() => invoker.calls.length === 1);
    await until(() => invoker.running === 0);
    expect(counts(queue)).toMatchObject({ notVisible: 2 });
  });

  it.each([
    ["an empty response", {}],
    ["a null response", null],
    ["a null list", { batchItemFailures: null }],
  ])("count as complete success for %s", async (_what, response) => {
    const queue = await newQueue();
    const invoker = new FakeInvoker(() => succeed(response));
    map(queue, invoker, { reportBatchItemFailures: true });
    await sendAll(queue, ["a", "b"]);
    await until(isEmpty(queue));
  });

  it("are ignored without reportBatchItemFailures: the whole batch succeeded", async () => {
    const queue = await newQueue();
    const invoker = new FakeInvoker((records) =>
      succeed({ batchItemFailures: records.map((r) => ({ itemIdentifier: r.messageId })) }),
    );
    map(queue, invoker);
    await sendAll(queue, ["a", "b"]);
    await until(isEmpty(queue));
  });

  it("of the invoker itself fail the batch without losing it", async () => {
    const queue = await newQueue({ VisibilityTimeout: "5" });
    const invoker = new FakeInvoker((_records, call) => {
      if (call === 1) throw new Error("host crashed");
      return succeed();
    });
    map(queue, invoker);
    await send(queue, "survivor");
    await until(() => invoker.calls.length === 1);
    await h.clock.advance(5000);
    await until(isEmpty(queue));
    expect(invoker.calls).toHaveLength(2);
  });
});

describe("throttling and concurrency", () => {
  it("retries throttled invocations without counting a receive", async () => {
    const queue = await newQueue({ VisibilityTimeout: "2" });
    const invoker = new FakeInvoker((_records, call) => (call <= 3 ? throttle() : succeed()));
    map(queue, invoker);
    await send(queue, "patient");
    for (let call = 2; call <= 4; call++) {
      await until(() => invoker.running === 0 && h.clock.pendingTimers > 0);
      await h.clock.advance(1000);
      await until(() => invoker.calls.length === call);
    }
    await until(isEmpty(queue));
    expect(invoker.calls.map((c) => c.records[0]!.attributes.ApproximateReceiveCount)).toEqual([
      "1",
      "1",
      "1",
      "1",
    ]);
  });

  it("never runs more than maximumConcurrency invocations at once", async () => {
    const queue = await newQueue();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const invoker = new FakeInvoker(async () => {
      await gate;
      return succeed();
    });
    map(queue, invoker, { batchSize: 1, maximumConcurrency: 3 });
    await sendAll(
      queue,
      Array.from({ length: 8 }, (_, i) => `m${i}`),
    );
    await until(() => invoker.running === 3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(invoker.calls).toHaveLength(3);
    release();
    await until(isEmpty(queue));
    expect(invoker.maxRunning).toBe(3);
  });
});

describe("FIFO queues", () => {
  it("deliver each message group in order, one batch per group at a time", async () => {
    const queue = await newQueue(
      { FifoQueue: "true", ContentBasedDeduplication: "true", VisibilityTimeout: "30" },
      `${uniqueName()}.fifo`,
    );
    const seen: string[] = [];
    const invoker = new FakeInvoker((records) => {
      seen.push(...records.map((r) => r.body));
      // The first batch fails its second record and everything after it, as Lambda advises.
      if (records[0]!.body === "a1") {
        return succeed({
          batchItemFailures: records.slice(1).map((r) => ({ itemIdentifier: r.messageId })),
        });
      }
      return succeed();
    });
    map(queue, invoker, { batchSize: 10, reportBatchItemFailures: true });
    for (const [body, group] of [
      ["a1", "a"],
      ["b1", "b"],
      ["a2", "a"],
      ["a3", "a"],
      ["b2", "b"],
    ]) {
      await send(queue, body!, { MessageGroupId: group });
    }
    await until(
      () => invoker.running === 0 && counts(queue).visible === 0 && invoker.calls.length >= 1,
    );
    await h.clock.advance(30_000);
    await until(isEmpty(queue), "every group to be processed");
    const order = (group: string) => seen.filter((body) => body.startsWith(group));
    expect(order("a").filter((body, i, all) => all.indexOf(body) === i)).toEqual([
      "a1",
      "a2",
      "a3",
    ]);
    expect(order("b").filter((body, i, all) => all.indexOf(body) === i)).toEqual(["b1", "b2"]);
  });
});

describe("lifecycle", () => {
  it("stops polling on stop() and resumes on start()", async () => {
    const queue = await newQueue();
    const invoker = new FakeInvoker();
    const mapping = map(queue, invoker);
    await mapping.stop();
    expect(mapping.running).toBe(false);
    await send(queue, "waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(invoker.calls).toHaveLength(0);
    mapping.start();
    await until(isEmpty(queue));
  });

  it("waits for a queue created after it started", async () => {
    const name = uniqueName();
    const invoker = new FakeInvoker();
    const queue = { name, url: "", arn: `arn:aws:sqs:${REGION}:000000000000:${name}` };
    map(queue, invoker);
    const created = await newQueue({}, name);
    await send(created, "hello");
    await h.clock.advance(1000);
    await until(() => invoker.calls.length === 1);
  });

  it("checks its configuration as CreateEventSourceMapping does", () => {
    const queue = { name: "q", url: "", arn: `arn:aws:sqs:${REGION}:000000000000:q` };
    const make = (options: Partial<SqsEventSourceMappingOptions>) => () =>
      new SqsEventSourceMapping({
        backend: h.backend,
        queueArn: queue.arn,
        invoker: new FakeInvoker(),
        ...options,
      });
    expect(make({ batchSize: 11 })).toThrow(
      "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10",
    );
    expect(make({ batchSize: 10_001, maximumBatchingWindowInSeconds: 1 })).toThrow(/BatchSize/);
    expect(make({ maximumConcurrency: 1 })).toThrow(/MaximumConcurrency/);
    expect(make({ maximumBatchingWindowInSeconds: 301 })).toThrow(/MaximumBatchingWindowInSeconds/);
    const fifo = `arn:aws:sqs:${REGION}:000000000000:q.fifo`;
    expect(
      () =>
        new SqsEventSourceMapping({
          backend: h.backend,
          queueArn: fifo,
          invoker: new FakeInvoker(),
          batchSize: 11,
          maximumBatchingWindowInSeconds: 1,
        }),
    ).toThrow(/BatchSize/);
  });
});
