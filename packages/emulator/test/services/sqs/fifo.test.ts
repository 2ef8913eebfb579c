import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  type ReceiveMessageCommandInput,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SendMessageCommandInput,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, type SqsHarness, startSqs, uniqueName } from "./harness.js";

let h: SqsHarness;
beforeAll(async () => {
  h = await startSqs();
});
afterAll(() => h.close());

const fifoQueue = async (Attributes: Record<string, string> = {}) =>
  (
    await h.sqs.send(
      new CreateQueueCommand({
        QueueName: `${uniqueName("fifo")}.fifo`,
        Attributes: { FifoQueue: "true", ContentBasedDeduplication: "true", ...Attributes },
      }),
    )
  ).QueueUrl!;

const send = (
  QueueUrl: string,
  MessageBody: string,
  MessageGroupId: string,
  extra: Partial<SendMessageCommandInput> = {},
) => h.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody, MessageGroupId, ...extra }));

const receive = async (QueueUrl: string, input: Partial<ReceiveMessageCommandInput> = {}) =>
  (await h.sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ...input })))
    .Messages ?? [];

const bodies = (messages: { Body?: string }[]) => messages.map((message) => message.Body);

describe("FIFO message groups", () => {
  it("deliver each group in order, several groups in one receive", async () => {
    const url = await fifoQueue();
    for (const [body, group] of [
      ["g1-m1", "1"],
      ["g2-m1", "2"],
      ["g1-m2", "1"],
      ["g1-m3", "1"],
    ] as const) {
      await send(url, body, group);
    }
    expect(bodies(await receive(url))).toEqual(["g1-m1", "g2-m1", "g1-m2", "g1-m3"]);
  });

  it("keep one batch per group in flight: the rest of a group waits for it", async () => {
    const url = await fifoQueue({ VisibilityTimeout: "30" });
    await send(url, "g1-m1", "1");
    await send(url, "g1-m2", "1");
    await send(url, "g2-m1", "2");
    const [first] = await receive(url, { MaxNumberOfMessages: 1 });
    expect(first!.Body).toBe("g1-m1");
    expect(bodies(await receive(url))).toEqual(["g2-m1"]);
    expect(await receive(url)).toEqual([]);
    await h.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle }),
    );
    expect(bodies(await receive(url))).toEqual(["g1-m2"]);
  });

  it("redeliver the head of a group after its visibility timeout, before the rest", async () => {
    const url = await fifoQueue({ VisibilityTimeout: "10" });
    await send(url, "m1", "g");
    await send(url, "m2", "g");
    expect(bodies(await receive(url, { MaxNumberOfMessages: 1 }))).toEqual(["m1"]);
    await h.clock.advance(10_000);
    const again = await receive(url, { MessageSystemAttributeNames: ["ApproximateReceiveCount"] });
    expect(bodies(again)).toEqual(["m1", "m2"]);
    expect(again.map((message) => message.Attributes!.ApproximateReceiveCount)).toEqual(["2", "1"]);
  });

  it("report group, deduplication id and increasing 20-digit sequence numbers", async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: "false" });
    const one = await send(url, "a", "g", { MessageDeduplicationId: "dedup-1" });
    const two = await send(url, "b", "g", { MessageDeduplicationId: "dedup-2" });
    expect(one.SequenceNumber).toMatch(/^\d{20}$/);
    expect(BigInt(two.SequenceNumber!)).toBeGreaterThan(BigInt(one.SequenceNumber!));
    const [message] = await receive(url, {
      MaxNumberOfMessages: 1,
      MessageSystemAttributeNames: ["All"],
    });
    expect(message!.Attributes).toMatchObject({
      MessageGroupId: "g",
      MessageDeduplicationId: "dedup-1",
      SequenceNumber: one.SequenceNumber,
      ApproximateReceiveCount: "1",
    });
  });

  it("refuse a delete with a handle whose visibility timeout ended", async () => {
    const url = await fifoQueue({ VisibilityTimeout: "1" });
    await send(url, "g1-m1", "1");
    const [message] = await receive(url);
    await h.clock.advance(2000);
    const error = await failure(
      h.sqs.send(
        new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message!.ReceiptHandle }),
      ),
    );
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe(
      `Value ${message!.ReceiptHandle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`,
    );
  });
});

describe("FIFO deduplication", () => {
  it("accepts a duplicate within five minutes on the clock but delivers one message", async () => {
    const url = await fifoQueue();
    const first = await send(url, '{"foo": "bar"}', "1");
    await h.clock.advance(60_000);
    const duplicate = await send(url, '{"foo": "bar"}', "1");
    expect(duplicate.MessageId).toBe(first.MessageId);
    expect(duplicate.SequenceNumber).toBe(first.SequenceNumber);
    expect(await receive(url)).toHaveLength(1);
  });

  it("keeps deduplicating after the message was deleted, until the interval ends", async () => {
    const url = await fifoQueue();
    await send(url, "once", "1");
    const [message] = await receive(url);
    await h.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message!.ReceiptHandle }),
    );
    await send(url, "once", "1");
    expect(await receive(url)).toEqual([]);
    await h.clock.advance(5 * 60_000);
    await send(url, "once", "1");
    expect(bodies(await receive(url))).toEqual(["once"]);
  });

  it("deduplicates by id across groups, unless the scope is the message group", async () => {
    const queueScope = await fifoQueue();
    await send(queueScope, "a", "1", { MessageDeduplicationId: "same" });
    await send(queueScope, "b", "2", { MessageDeduplicationId: "same" });
    expect(bodies(await receive(queueScope))).toEqual(["a"]);
    const groupScope = await fifoQueue({ DeduplicationScope: "messageGroup" });
    await send(groupScope, "a", "1", { MessageDeduplicationId: "same" });
    await send(groupScope, "b", "2", { MessageDeduplicationId: "same" });
    expect(bodies(await receive(groupScope))).toEqual(["a", "b"]);
  });

  it("treats an explicit id equal to a content hash as a duplicate", async () => {
    const url = await fifoQueue();
    await send(url, "body", "1");
    const [message] = await receive(url, {
      MessageSystemAttributeNames: ["MessageDeduplicationId"],
    });
    const hash = message!.Attributes!.MessageDeduplicationId!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const duplicate = await send(url, "other body", "1", { MessageDeduplicationId: hash });
    expect(duplicate.MessageId).toBe(message!.MessageId);
  });
});

describe("FIFO send errors", () => {
  it("requires a message group id", async () => {
    const url = await fifoQueue();
    const error = await failure(
      h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "x" })),
    );
    expect(error.name).toBe("MissingParameter");
    expect(error.message).toBe("The request must contain the parameter MessageGroupId.");
    const batch = await failure(
      h.sqs.send(
        new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: "1", MessageBody: "x" }] }),
      ),
    );
    expect(batch.name).toBe("InvalidParameterValue");
    expect(batch.message).toBe("The request must contain the parameter MessageGroupId.");
  });

  it("requires a deduplication id without content-based deduplication", async () => {
    const url = await fifoQueue({ ContentBasedDeduplication: "false" });
    const error = await failure(send(url, "x", "1"));
    expect(error.message).toBe(
      "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
    );
  });

  it("refuses a per-message delay", async () => {
    const url = await fifoQueue();
    const error = await failure(send(url, "x", "1", { DelaySeconds: 2 }));
    expect(error.message).toBe(
      "Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.",
    );
  });

  it("refuses group ids that are not 1 to 128 printable ASCII characters", async () => {
    const url = await fifoQueue();
    const error = await failure(send(url, "x", "a b"));
    expect(error.name).toBe("InvalidParameterValue");
  });
});
