import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
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

const attributes = async (QueueUrl: string, AttributeNames: string[] = ["All"]) =>
  (
    await h.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: AttributeNames as never }),
    )
  ).Attributes ?? {};

describe("CreateQueue", () => {
  it("answers with the queue URL on the host the caller used", async () => {
    const name = uniqueName();
    const url = await create(name);
    expect(url).toBe(`${h.url}/000000000000/${name}`);
  });

  it("is idempotent with equal attributes and refuses different ones (QueueNameExists)", async () => {
    const name = uniqueName();
    const url = await create(name, { DelaySeconds: "1" });
    expect(await create(name, { DelaySeconds: "1" })).toBe(url);
    expect(await create(name)).toBe(url);
    const error = await failure(create(name, { DelaySeconds: "2" }));
    expect(error.name).toBe("QueueNameExists");
    expect(error.message).toBe(
      "A queue already exists with the same name and a different value for attribute DelaySeconds",
    );
    expect((error.Error as Record<string, string>).Code).toBe("QueueAlreadyExists");
  });

  it.each([
    ["an empty name", ""],
    ["a name with a space", "my queue"],
    ["a name of 81 characters", "q".repeat(81)],
    ["a .fifo name without FifoQueue", "orders.fifo"],
  ])("refuses %s (InvalidParameterValue)", async (_what, name) => {
    const error = await failure(create(name));
    expect(error.name).toBe("InvalidParameterValue");
  });

  it("requires the .fifo suffix for a FIFO queue", async () => {
    const error = await failure(create(uniqueName(), { FifoQueue: "true" }));
    expect(error.message).toMatch(/must end with \.fifo suffix/);
  });

  it("accepts FifoQueue=false for a standard queue", async () => {
    const url = await create(uniqueName(), { FifoQueue: "false" });
    expect(await attributes(url)).not.toHaveProperty("FifoQueue");
  });

  it.each([
    ["VisibilityTimeout", "43201"],
    ["DelaySeconds", "-1"],
    ["MaximumMessageSize", "1023"],
    ["MessageRetentionPeriod", "59"],
    ["ReceiveMessageWaitTimeSeconds", "21"],
    ["SqsManagedSseEnabled", "maybe"],
  ])("refuses %s=%s (InvalidAttributeValue)", async (name, value) => {
    const error = await failure(create(uniqueName(), { [name]: value }));
    expect(error.name).toBe("InvalidAttributeValue");
    expect(error.message).toBe(`Invalid value for the parameter ${name}.`);
  });

  it("refuses unknown attributes and FIFO attributes on standard queues (InvalidAttributeName)", async () => {
    expect((await failure(create(uniqueName(), { Colour: "blue" }))).message).toBe(
      "Unknown Attribute Colour.",
    );
    const error = await failure(create(uniqueName(), { ContentBasedDeduplication: "true" }));
    expect(error.name).toBe("InvalidAttributeName");
  });

  it("keeps tags given at creation", async () => {
    const url = (
      await h.sqs.send(new CreateQueueCommand({ QueueName: uniqueName(), tags: { team: "bar" } }))
    ).QueueUrl!;
    expect((await h.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags).toEqual({
      team: "bar",
    });
  });
});

describe("GetQueueAttributes and SetQueueAttributes", () => {
  it("report SQS's defaults and the computed attributes", async () => {
    const name = uniqueName();
    const url = await create(name);
    const now = String(Math.floor(h.clock.now() / 1000));
    expect(await attributes(url)).toEqual({
      QueueArn: `arn:aws:sqs:${REGION}:000000000000:${name}`,
      ApproximateNumberOfMessages: "0",
      ApproximateNumberOfMessagesNotVisible: "0",
      ApproximateNumberOfMessagesDelayed: "0",
      CreatedTimestamp: now,
      LastModifiedTimestamp: now,
      DelaySeconds: "0",
      MaximumMessageSize: "1048576",
      MessageRetentionPeriod: "345600",
      ReceiveMessageWaitTimeSeconds: "0",
      VisibilityTimeout: "30",
      SqsManagedSseEnabled: "true",
    });
  });

  it("report the FIFO attributes of FIFO queues", async () => {
    const url = await create(`${uniqueName()}.fifo`, { FifoQueue: "true" });
    expect(await attributes(url)).toMatchObject({
      FifoQueue: "true",
      ContentBasedDeduplication: "false",
      DeduplicationScope: "queue",
      FifoThroughputLimit: "perQueue",
    });
  });

  it("return only the attributes asked for, and nothing when none are", async () => {
    const url = await create(uniqueName());
    expect(await attributes(url, ["VisibilityTimeout", "DelaySeconds"])).toEqual({
      VisibilityTimeout: "30",
      DelaySeconds: "0",
    });
    expect(await attributes(url, [])).toEqual({});
  });

  it("refuse unknown attribute names", async () => {
    const url = await create(uniqueName());
    const error = await failure(attributes(url, ["FifoQueue"]));
    expect(error.name).toBe("InvalidAttributeName");
  });

  it("change attributes and LastModifiedTimestamp", async () => {
    const url = await create(uniqueName());
    await h.clock.advance(5000);
    await h.sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: url,
        Attributes: { VisibilityTimeout: "69", MaximumMessageSize: "2048", DelaySeconds: "420" },
      }),
    );
    const after = await attributes(url);
    expect(after).toMatchObject({
      VisibilityTimeout: "69",
      MaximumMessageSize: "2048",
      DelaySeconds: "420",
    });
    expect(Number(after.LastModifiedTimestamp)).toBe(Number(after.CreatedTimestamp) + 5);
  });

  it("refuse a change of queue type", async () => {
    const fifo = await create(`${uniqueName()}.fifo`, { FifoQueue: "true" });
    const error = await failure(
      h.sqs.send(
        new SetQueueAttributesCommand({ QueueUrl: fifo, Attributes: { FifoQueue: "false" } }),
      ),
    );
    expect(error.message).toBe(
      "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.",
    );
  });

  it("refuse KMS and SQS-managed encryption together", async () => {
    const url = await create(uniqueName());
    const error = await failure(
      h.sqs.send(
        new SetQueueAttributesCommand({
          QueueUrl: url,
          Attributes: { KmsMasterKeyId: "testKeyId", SqsManagedSseEnabled: "true" },
        }),
      ),
    );
    expect(error.name).toBe("InvalidAttributeName");
    expect(error.message).toMatch(/one type of server-side encryption/);
  });

  it("switch SQS-managed encryption off when a KMS key is set", async () => {
    const url = await create(uniqueName(), { KmsMasterKeyId: "testKeyId" });
    expect(
      await attributes(url, [
        "KmsMasterKeyId",
        "KmsDataKeyReusePeriodSeconds",
        "SqsManagedSseEnabled",
      ]),
    ).toEqual({
      KmsMasterKeyId: "testKeyId",
      KmsDataKeyReusePeriodSeconds: "300",
      SqsManagedSseEnabled: "false",
    });
  });

  it("need a high-throughput deduplication scope for per-group throughput", async () => {
    const error = await failure(
      create(`${uniqueName()}.fifo`, {
        FifoQueue: "true",
        FifoThroughputLimit: "perMessageGroupId",
      }),
    );
    expect(error.message).toMatch(/the DeduplicationScope must be messageGroup/);
    await create(`${uniqueName()}.fifo`, {
      FifoQueue: "true",
      FifoThroughputLimit: "perMessageGroupId",
      DeduplicationScope: "messageGroup",
    });
  });

  it("count messages by state", async () => {
    const url = await create(uniqueName());
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "a" }));
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "b", DelaySeconds: 60 }));
    expect(
      await attributes(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed"]),
    ).toEqual({
      ApproximateNumberOfMessages: "1",
      ApproximateNumberOfMessagesDelayed: "1",
    });
  });
});

describe("GetQueueUrl, ListQueues and DeleteQueue", () => {
  it("find a queue by name, and fail with QueueDoesNotExist for a missing one", async () => {
    const name = uniqueName();
    const url = await create(name);
    expect((await h.sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl).toBe(url);
    const error = await failure(h.sqs.send(new GetQueueUrlCommand({ QueueName: "nope" })));
    expect(error.name).toBe("QueueDoesNotExist");
    expect(error.message).toBe("The specified queue does not exist.");
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);
  });

  it("keep each region's queues apart", async () => {
    const name = uniqueName();
    await create(name);
    const other = h.client("ap-south-1");
    const error = await failure(other.send(new GetQueueUrlCommand({ QueueName: name })));
    expect(error.name).toBe("QueueDoesNotExist");
  });

  it("list queues by prefix, in pages when MaxResults is given", async () => {
    const prefix = uniqueName("listed");
    const urls = [];
    for (const suffix of ["a", "b", "c"]) urls.push(await create(`${prefix}-${suffix}`));
    const all = await h.sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix }));
    expect(all.QueueUrls).toEqual(urls);
    expect(all.NextToken).toBeUndefined();
    const first = await h.sqs.send(
      new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2 }),
    );
    expect(first.QueueUrls).toEqual(urls.slice(0, 2));
    const second = await h.sqs.send(
      new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second).toMatchObject({ QueueUrls: urls.slice(2) });
    expect(second.NextToken).toBeUndefined();
    const none = await h.sqs.send(new ListQueuesCommand({ QueueNamePrefix: "no-such-prefix" }));
    expect(none.QueueUrls).toBeUndefined();
  });

  it("refuse MaxResults outside 1 to 1000", async () => {
    const error = await failure(h.sqs.send(new ListQueuesCommand({ MaxResults: 1001 })));
    expect(error.name).toBe("InvalidParameterValue");
  });

  it("delete a queue, after which it does not exist", async () => {
    const url = await create(uniqueName());
    await h.sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
    const error = await failure(attributes(url));
    expect(error.name).toBe("QueueDoesNotExist");
  });

  it("leave out the actions it does not implement, naming them", async () => {
    const url = await create(uniqueName());
    const error = await failure(
      h.sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: { a: "b" } })),
    );
    expect(error.name).toBe("UnsupportedOperation");
    expect(error.message).toMatch(/TagQueue/);
  });
});

describe("PurgeQueue", () => {
  it("deletes every message and refuses a second purge within 60 seconds on the clock", async () => {
    const name = uniqueName();
    const url = await create(name);
    await h.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "a" }));
    await h.sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect(
      (await attributes(url, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages,
    ).toBe("0");
    const error = await failure(h.sqs.send(new PurgeQueueCommand({ QueueUrl: url })));
    expect(error.name).toBe("PurgeQueueInProgress");
    expect(error.message).toBe(
      `Only one PurgeQueue operation on ${name} is allowed every 60 seconds.`,
    );
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(403);
    await h.clock.advance(60_000);
    await h.sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
  });
});
