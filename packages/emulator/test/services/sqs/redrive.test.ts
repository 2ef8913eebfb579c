import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, REGION, type SqsHarness, startSqs, uniqueName } from "./harness.js";

let h: SqsHarness;
beforeAll(async () => {
  h = await startSqs();
});
afterAll(() => h.close());

const create = async (QueueName: string, Attributes?: Record<string, string>) =>
  (await h.sqs.send(new CreateQueueCommand({ QueueName, Attributes }))).QueueUrl!;

const arnOf = (name: string) => `arn:aws:sqs:${REGION}:000000000000:${name}`;

const receive = async (QueueUrl: string) =>
  (
    await h.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl,
        MessageSystemAttributeNames: ["All"],
        VisibilityTimeout: 0,
      }),
    )
  ).Messages ?? [];

describe("RedrivePolicy", () => {
  it("moves a message received more than maxReceiveCount times to the dead-letter queue", async () => {
    const dlqName = uniqueName("dlq");
    const dlq = await create(dlqName);
    const source = await create(uniqueName(), {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf(dlqName), maxReceiveCount: 2 }),
    });
    const sent = await h.sqs.send(
      new SendMessageCommand({ QueueUrl: source, MessageBody: "poison" }),
    );
    expect(await receive(source)).toHaveLength(1);
    expect(await receive(source)).toHaveLength(1);
    expect(await receive(source)).toEqual([]);
    const [moved] = await receive(dlq);
    expect(moved!.MessageId).toBe(sent.MessageId);
    expect(moved!.Body).toBe("poison");
    expect(moved!.Attributes).toMatchObject({
      ApproximateReceiveCount: "3",
      DeadLetterQueueSourceArn: arnOf(source.split("/").at(-1)!),
    });
  });

  it("moves FIFO messages between FIFO queues", async () => {
    const dlqName = `${uniqueName("dlq")}.fifo`;
    const dlq = await create(dlqName, { FifoQueue: "true", ContentBasedDeduplication: "true" });
    const source = await create(`${uniqueName()}.fifo`, {
      FifoQueue: "true",
      ContentBasedDeduplication: "true",
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf(dlqName), maxReceiveCount: 1 }),
    });
    await h.sqs.send(
      new SendMessageCommand({ QueueUrl: source, MessageBody: "foobar", MessageGroupId: "1" }),
    );
    expect(await receive(source)).toHaveLength(1);
    expect(await receive(source)).toEqual([]);
    const [moved] = await receive(dlq);
    expect(moved!.Body).toBe("foobar");
    expect(moved!.Attributes!.MessageGroupId).toBe("1");
  });

  it("is reported as JSON with a numeric maxReceiveCount, and removed by an empty value", async () => {
    const dlqName = uniqueName("dlq");
    await create(dlqName);
    const url = await create(uniqueName(), {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf(dlqName), maxReceiveCount: "10" }),
    });
    const read = async () =>
      (
        await h.sqs.send(
          new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["RedrivePolicy"] }),
        )
      ).Attributes ?? {};
    expect(JSON.parse((await read()).RedrivePolicy!)).toEqual({
      deadLetterTargetArn: arnOf(dlqName),
      maxReceiveCount: 10,
    });
    await h.sqs.send(
      new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: "" } }),
    );
    expect(await read()).toEqual({});
  });

  it.each([
    [
      "an invalid target ARN",
      '{"deadLetterTargetArn": "dummy", "maxReceiveCount": 42}',
      "InvalidParameterValue",
      'Value {"deadLetterTargetArn": "dummy", "maxReceiveCount": 42} for parameter RedrivePolicy is invalid. Reason: Invalid value for deadLetterTargetArn.',
    ],
    [
      "text that is not a JSON map",
      "[1]",
      "InvalidAttributeValue",
      "Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.",
    ],
    [
      "a missing target",
      JSON.stringify({ deadLetterTargetArn: arnOf("nowhere"), maxReceiveCount: 1 }),
      "InvalidParameterValue",
      /Dead letter target does not exist/,
    ],
    [
      "a receive count of 0",
      JSON.stringify({ deadLetterTargetArn: arnOf("nowhere"), maxReceiveCount: 0 }),
      "InvalidParameterValue",
      /valid values are from 1 to 1000 both inclusive/,
    ],
  ])("refuses %s", async (_what, policy, name, message) => {
    const error = await failure(create(uniqueName(), { RedrivePolicy: policy }));
    expect(error.name).toBe(name);
    expect(error.message).toMatch(message);
  });

  it("refuses a dead-letter queue of the other type", async () => {
    const fifoName = `${uniqueName("dlq")}.fifo`;
    await create(fifoName, { FifoQueue: "true" });
    const error = await failure(
      create(uniqueName(), {
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arnOf(fifoName), maxReceiveCount: 1 }),
      }),
    );
    expect(error.message).toMatch(/same type of queue/);
  });
});
