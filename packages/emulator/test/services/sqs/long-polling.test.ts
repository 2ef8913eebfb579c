import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, type SqsHarness, startSqs, uniqueName, until } from "./harness.js";

let h: SqsHarness;
beforeAll(async () => {
  h = await startSqs();
});
afterAll(() => h.close());

const newQueue = async (Attributes?: Record<string, string>) =>
  (await h.sqs.send(new CreateQueueCommand({ QueueName: uniqueName(), Attributes }))).QueueUrl!;

/** Starts a long poll and resolves once it waits on the server (its timer is set). */
async function longPoll(QueueUrl: string, WaitTimeSeconds?: number) {
  const timers = h.clock.pendingTimers;
  const poll = h.sqs.send(
    new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds, MaxNumberOfMessages: 10 }),
  );
  await until(() => h.clock.pendingTimers > timers, "the long poll to reach the server");
  const messages = poll.then((result) => result.Messages ?? []);
  return { messages, bodies: messages.then((list) => list.map((message) => message.Body)) };
}

describe("ReceiveMessage with WaitTimeSeconds", () => {
  it("returns as soon as a message arrives, without the clock moving", async () => {
    const url = await newQueue();
    const poll = await longPoll(url, 20);
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "hello" }));
    expect(await poll.bodies).toEqual(["hello"]);
  });

  it("returns nothing once the wait time has passed on the clock", async () => {
    const url = await newQueue();
    const poll = await longPoll(url, 20);
    await h.clock.advance(19_999);
    let settled = false;
    void poll.bodies.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    await h.clock.advance(1);
    expect(await poll.bodies).toEqual([]);
  });

  it("wakes when a delayed message becomes visible", async () => {
    const url = await newQueue();
    await h.sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: "later", DelaySeconds: 5 }),
    );
    const poll = await longPoll(url, 20);
    await h.clock.advance(5000);
    expect(await poll.bodies).toEqual(["later"]);
  });

  it("wakes when a message's visibility timeout ends or is changed to 0", async () => {
    const url = await newQueue({ VisibilityTimeout: "10" });
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "again" }));
    await h.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    const afterTimeout = await longPoll(url, 20);
    await h.clock.advance(10_000);
    const [received] = await afterTimeout.messages;
    expect(received!.Body).toBe("again");
    const afterChange = await longPoll(url, 20);
    await h.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: received!.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    expect(await afterChange.bodies).toEqual(["again"]);
  });

  it("long-polls by default when the queue's ReceiveMessageWaitTimeSeconds says so", async () => {
    const url = await newQueue({ ReceiveMessageWaitTimeSeconds: "3" });
    const poll = await longPoll(url);
    await h.clock.advance(3000);
    expect(await poll.bodies).toEqual([]);
  });

  it("ends the polls of a deleted queue", async () => {
    const url = await newQueue();
    const poll = await longPoll(url, 20);
    await h.sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
    expect(await poll.bodies).toEqual([]);
  });

  it("ends every poll when the backend closes, for the server to shut down", async () => {
    const url = await newQueue();
    const poll = await longPoll(url, 20);
    h.backend.close();
    expect(await poll.bodies).toEqual([]);
  });

  it("refuses a wait time above 20 seconds", async () => {
    const url = await newQueue();
    const error = await failure(
      h.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 21 })),
    );
    expect(error.name).toBe("InvalidParameterValue");
  });

  it("leaves no timer behind once polls are answered", async () => {
    const url = await newQueue({ VisibilityTimeout: "30" });
    const before = h.clock.pendingTimers;
    const poll = await longPoll(url, 20);
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "x" }));
    await poll.bodies;
    expect(h.clock.pendingTimers).toBe(before);
  });
});
