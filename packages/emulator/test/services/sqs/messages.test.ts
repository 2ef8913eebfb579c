import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  type MessageAttributeValue,
  type QueueAttributeName,
  ReceiveMessageCommand,
  type ReceiveMessageCommandInput,
  SendMessageBatchCommand,
  SendMessageCommand,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsServiceError } from "../../../src/services/errors.js";
import { sendToQueue } from "../../../src/services/sqs/index.js";
import { failure, type SqsHarness, startSqs, uniqueName } from "./harness.js";

let h: SqsHarness;
beforeAll(async () => {
  h = await startSqs();
});
afterAll(() => h.close());

const newQueue = async (Attributes?: Record<string, string>) =>
  (await h.sqs.send(new CreateQueueCommand({ QueueName: uniqueName(), Attributes }))).QueueUrl!;

const send = (QueueUrl: string, MessageBody: string, extra: object = {}) =>
  h.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody, ...extra }));

const receive = async (QueueUrl: string, input: Partial<ReceiveMessageCommandInput> = {}) =>
  (await h.sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ...input })))
    .Messages ?? [];

const string = (StringValue: string): MessageAttributeValue => ({
  DataType: "String",
  StringValue,
});

/** Digests recorded against AWS (LocalStack's AWS-validated SQS snapshots). */
const RECORDED = {
  body: { msg: "6e2baaf3b97dbeef01c0043275f9a0e7" },
  threeAttributes: "4c360f3fdafd970e05fae2f149d997f5",
  twoAttributes: "fca026605781cb4126a1e9044df24232",
  helloOnly: "a311262e065454b75da111d535b8dacd",
  helloPrefix: "83fee93c1bcd8b9a5a923ffacdc636c7",
  binary: "8cbe4db156db8a94db8b801b7addb984",
};
const THREE_ATTRIBUTES = {
  General: string("Kenobi"),
  Hello: string("There"),
  "Help.Me": string("Me"),
};

describe("SendMessage", () => {
  it("answers with SQS's MD5 digests, which the SDK verifies for the body", async () => {
    const url = await newQueue();
    const sent = await send(url, "msg", { MessageAttributes: THREE_ATTRIBUTES });
    expect(sent.MD5OfMessageBody).toBe(RECORDED.body.msg);
    expect(sent.MD5OfMessageAttributes).toBe(RECORDED.threeAttributes);
    expect(sent.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.SequenceNumber).toBeUndefined();
  });

  it("is checked by the SDK: a wrong body digest fails the call", async () => {
    const url = await newQueue();
    const tampering = h.client("eu-west-1");
    tampering.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        (result.output as { MD5OfMessageBody?: string }).MD5OfMessageBody = "0".repeat(32);
        return result;
      },
      { step: "build" },
    );
    expect(
      (await failure(tampering.send(new SendMessageCommand({ QueueUrl: url, MessageBody: "x" }))))
        .message,
    ).toBe("InvalidChecksumError");
  });

  it("digests binary attributes as SQS does", async () => {
    const url = await newQueue();
    const value = Buffer.from(
      "traceparent\x1e00-774062d6c37081a5a0b9b5b88e30627c-2d2482211f6489da-01",
    );
    const sent = await send(url, "test", {
      MessageAttributes: { attr1: { DataType: "Binary", BinaryValue: value } },
    });
    expect(sent.MD5OfMessageAttributes).toBe(RECORDED.binary);
    const [message] = await receive(url, { MessageAttributeNames: ["All"] });
    expect(Buffer.from(message!.MessageAttributes!.attr1!.BinaryValue!)).toEqual(value);
    expect(message!.MD5OfMessageAttributes).toBe(RECORDED.binary);
  });

  it("digests the X-Ray trace header as a system attribute", async () => {
    const url = await newQueue();
    const trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
    const sent = await send(url, "traced", {
      MessageSystemAttributes: { AWSTraceHeader: string(trace) },
    });
    expect(sent.MD5OfMessageSystemAttributes).toMatch(/^[0-9a-f]{32}$/);
    expect(sent.MD5OfMessageAttributes).toBeUndefined();
    const [message] = await receive(url, { MessageSystemAttributeNames: ["AWSTraceHeader"] });
    expect(message!.Attributes).toEqual({ AWSTraceHeader: trace });
  });

  it.each([
    [
      "an empty string value",
      { a: string("") },
      "Message (user) attribute 'a' must contain a non-empty value of type 'String'.",
    ],
    [
      "a bad data type",
      { a: { DataType: "Text", StringValue: "x" } },
      "The type of message (user) attribute 'a' is invalid. You must use only the following supported type prefixes: Binary, Number, String.",
    ],
    [
      "a number that is not one",
      { a: { DataType: "Number", StringValue: "ten" } },
      "Could not cast message attribute 'a' value to number.",
    ],
    ["a reserved name", { "AWS.x": string("x") }, /reserved/],
    [
      "a name with !",
      { "a!b": string("x") },
      "Invalid non-alphanumeric character '#x21' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.",
    ],
    [
      "eleven attributes",
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, string("x")])),
      "Number of message attributes [11] exceeds the allowed maximum [10].",
    ],
  ])(
    "refuses message attributes with %s (InvalidParameterValue)",
    async (_what, attributes, message) => {
      const url = await newQueue();
      const error = await failure(send(url, "x", { MessageAttributes: attributes }));
      expect(error.name).toBe("InvalidParameterValue");
      expect(error.message).toMatch(message);
    },
  );

  it("accepts non-ASCII letters in attribute names", async () => {
    const url = await newQueue();
    await send(url, "test", { MessageAttributes: { "attr.1øßä": string("Valida") } });
  });

  it("refuses characters outside XML's set (InvalidMessageContents)", async () => {
    const url = await newQueue();
    const error = await failure(send(url, "Invalid-\u0000"));
    expect(error.name).toBe("InvalidMessageContents");
    expect(error.message).toMatch(/^Invalid binary character '#x0' was found in the message body/);
  });

  it("refuses a message larger than the queue's MaximumMessageSize", async () => {
    const url = await newQueue({ MaximumMessageSize: "1024" });
    const error = await failure(send(url, "x".repeat(1025)));
    expect(error.message).toBe(
      "One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.",
    );
  });

  it("refuses DelaySeconds above 900", async () => {
    const url = await newQueue();
    const error = await failure(send(url, "x", { DelaySeconds: 901 }));
    expect(error.message).toBe(
      "Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.",
    );
  });

  it("refuses a deduplication id on a standard queue but takes a group id (fair queues)", async () => {
    const url = await newQueue();
    await send(url, "tenant", { MessageGroupId: "tenant-1" });
    const [message] = await receive(url, { MessageSystemAttributeNames: ["MessageGroupId"] });
    expect(message!.Attributes).toEqual({ MessageGroupId: "tenant-1" });
    const error = await failure(send(url, "x", { MessageDeduplicationId: "d" }));
    expect(error.name).toBe("InvalidParameterValue");
  });

  it("fails with QueueDoesNotExist for a missing queue", async () => {
    const error = await failure(send(`${h.url}/000000000000/missing`, "x"));
    expect(error.name).toBe("QueueDoesNotExist");
  });
});

describe("sendToQueue (deliveries from other emulated services)", () => {
  const arnOf = (url: string) => `arn:aws:sqs:eu-west-1:000000000000:${url.split("/").at(-1)}`;

  it("sends as SendMessage does, under the service's sender id", async () => {
    const url = await newQueue();
    const sent = sendToQueue(
      h.backend,
      arnOf(url),
      { body: "msg", messageAttributes: { Hello: { dataType: "String", stringValue: "There" } } },
      "AIDAIT2UOQQY3AUEKVGXU",
    );
    expect(sent).toMatchObject({
      MD5OfMessageBody: RECORDED.body.msg,
      MD5OfMessageAttributes: RECORDED.helloOnly,
    });
    const [message] = await receive(url, {
      MessageAttributeNames: ["All"],
      MessageSystemAttributeNames: ["SenderId"],
    });
    expect(message).toMatchObject({
      MessageId: sent.MessageId,
      Attributes: { SenderId: "AIDAIT2UOQQY3AUEKVGXU" },
      MessageAttributes: { Hello: { DataType: "String", StringValue: "There" } },
    });
  });

  it("refuses what SQS refuses, and a missing queue, with SQS's errors", async () => {
    const { QueueUrl } = await h.sqs.send(
      new CreateQueueCommand({
        QueueName: `${uniqueName()}.fifo`,
        Attributes: { FifoQueue: "true" },
      }),
    );
    const error = (arn: string) => {
      try {
        sendToQueue(h.backend, arn, { body: "x" }, "sns");
      } catch (caught) {
        return caught as AwsServiceError;
      }
      throw new Error("Expected sendToQueue to throw");
    };
    expect(error(arnOf(QueueUrl!))).toMatchObject({ code: "MissingRequiredParameterException" });
    expect(error(arnOf("missing"))).toMatchObject({ code: "QueueDoesNotExist" });
  });
});

describe("SendMessageBatch", () => {
  it("sends each entry and reports failed entries apart", async () => {
    const url = await newQueue();
    const result = await h.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: "1", MessageBody: "msg", MessageAttributes: THREE_ATTRIBUTES },
          { Id: "2", MessageBody: "bad\u0001" },
          { Id: "3", MessageBody: "a" },
        ],
      }),
    );
    expect(result.Successful!.map((entry) => [entry.Id, entry.MD5OfMessageBody])).toEqual([
      ["1", RECORDED.body.msg],
      ["3", "0cc175b9c0f1b6a831c399e269772661"],
    ]);
    expect(result.Successful![0]!.MD5OfMessageAttributes).toBe(RECORDED.threeAttributes);
    expect(result.Failed).toEqual([
      expect.objectContaining({ Id: "2", Code: "InvalidMessageContents", SenderFault: true }),
    ]);
    expect((await receive(url)).map((message) => message.Body).sort()).toEqual(["a", "msg"]);
  });

  it.each([
    [
      "no entries",
      [],
      "EmptyBatchRequest",
      "There should be at least one SendMessageBatchRequestEntry in the request.",
    ],
    [
      "eleven entries",
      Array.from({ length: 11 }, (_, i) => ({ Id: `${i}`, MessageBody: "x" })),
      "TooManyEntriesInBatchRequest",
      "Maximum number of entries per request are 10. You have sent 11.",
    ],
    [
      "a repeated id",
      [
        { Id: "a", MessageBody: "x" },
        { Id: "a", MessageBody: "y" },
      ],
      "BatchEntryIdsNotDistinct",
      "Id a repeated.",
    ],
    [
      "an invalid id",
      [{ Id: "invalid:id", MessageBody: "x" }],
      "InvalidBatchEntryId",
      "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
    ],
    [
      "more than 1 MiB",
      [
        { Id: "a", MessageBody: "x".repeat(600_000) },
        { Id: "b", MessageBody: "y".repeat(600_000) },
      ],
      "BatchRequestTooLong",
      "Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes.",
    ],
  ])("refuses a batch with %s (%s)", async (_what, Entries, name, message) => {
    const url = await newQueue();
    const error = await failure(
      h.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries })),
    );
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });
});

describe("ReceiveMessage", () => {
  it("returns up to MaxNumberOfMessages and refuses more than 10", async () => {
    const url = await newQueue();
    for (const body of ["a", "b", "c"]) await send(url, body);
    expect(await receive(url, { MaxNumberOfMessages: 2 })).toHaveLength(2);
    const error = await failure(receive(url, { MaxNumberOfMessages: 11 }));
    expect(error.message).toBe(
      "Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.",
    );
  });

  it("returns one message by default, with no attributes unless asked", async () => {
    const url = await newQueue();
    await send(url, "a", { MessageAttributes: THREE_ATTRIBUTES });
    await send(url, "b");
    const messages = (await h.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages!;
    expect(messages).toHaveLength(1);
    expect(Object.keys(messages[0]!).sort()).toEqual([
      "Body",
      "MD5OfBody",
      "MessageId",
      "ReceiptHandle",
    ]);
  });

  it("selects message attributes by name, prefix or All, digesting the selection", async () => {
    const url = await newQueue();
    await send(url, "msg", { MessageAttributes: THREE_ATTRIBUTES });
    const selected = async (MessageAttributeNames: string[]) => {
      const [message] = await receive(url, { MessageAttributeNames, VisibilityTimeout: 0 });
      return [Object.keys(message!.MessageAttributes ?? {}), message!.MD5OfMessageAttributes];
    };
    expect(await selected(["All"])).toEqual([
      ["General", "Hello", "Help.Me"],
      RECORDED.threeAttributes,
    ]);
    expect(await selected([".*"])).toEqual([
      ["General", "Hello", "Help.Me"],
      RECORDED.threeAttributes,
    ]);
    expect(await selected(["General", "Hello"])).toEqual([
      ["General", "Hello"],
      RECORDED.twoAttributes,
    ]);
    expect(await selected(["Hello", "Nope"])).toEqual([["Hello"], RECORDED.helloOnly]);
    expect(await selected(["Help.*", "Hello"])).toEqual([
      ["Hello", "Help.Me"],
      RECORDED.helloPrefix,
    ]);
    expect(await selected(["Nope"])).toEqual([[], undefined]);
  });

  it("reports the system attributes asked for", async () => {
    const url = await newQueue();
    const sentAt = h.clock.now();
    await send(url, "a");
    await h.clock.advance(1500);
    const [first] = await receive(url, {
      MessageSystemAttributeNames: ["All"],
      VisibilityTimeout: 0,
    });
    expect(first!.Attributes).toEqual({
      SenderId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
      ApproximateFirstReceiveTimestamp: String(sentAt + 1500),
      ApproximateReceiveCount: "1",
      SentTimestamp: String(sentAt),
    });
    // The deprecated AttributeNames still works; the SDK types it with the queue's attributes.
    const legacy = ["ApproximateReceiveCount"] as unknown as QueueAttributeName[];
    const [second] = await receive(url, { AttributeNames: legacy });
    expect(second!.Attributes).toEqual({ ApproximateReceiveCount: "2" });
  });

  it("hides a received message for the visibility timeout, then delivers it again", async () => {
    const url = await newQueue({ VisibilityTimeout: "30" });
    await send(url, "a");
    const [first] = await receive(url);
    expect(await receive(url)).toEqual([]);
    await h.clock.advance(29_999);
    expect(await receive(url)).toEqual([]);
    await h.clock.advance(1);
    const [again] = await receive(url, { VisibilityTimeout: 5 });
    expect(again!.MessageId).toBe(first!.MessageId);
    expect(again!.ReceiptHandle).not.toBe(first!.ReceiptHandle);
    await h.clock.advance(5000);
    expect(await receive(url)).toHaveLength(1);
  });

  it("delays messages by the queue's DelaySeconds or the message's own", async () => {
    const url = await newQueue({ DelaySeconds: "10" });
    await send(url, "queue delay");
    await send(url, "no delay", { DelaySeconds: 0 });
    await send(url, "longer", { DelaySeconds: 20 });
    const bodies = async () =>
      (await receive(url, { VisibilityTimeout: 0 })).map((m) => m.Body).sort();
    expect(await bodies()).toEqual(["no delay"]);
    await h.clock.advance(10_000);
    expect(await bodies()).toEqual(["no delay", "queue delay"]);
    await h.clock.advance(10_000);
    expect(await bodies()).toEqual(["longer", "no delay", "queue delay"]);
  });

  it("drops messages older than the retention period", async () => {
    const url = await newQueue({ MessageRetentionPeriod: "60" });
    await send(url, "old");
    await h.clock.advance(30_000);
    await send(url, "new");
    await h.clock.advance(30_000);
    expect((await receive(url)).map((m) => m.Body)).toEqual(["new"]);
  });
});

describe("DeleteMessage and ChangeMessageVisibility", () => {
  const countNotVisible = async (QueueUrl: string) =>
    (
      await h.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl,
          AttributeNames: ["ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessages"],
        }),
      )
    ).Attributes;

  it("deletes a received message", async () => {
    const url = await newQueue();
    await send(url, "a");
    const [message] = await receive(url);
    await h.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message!.ReceiptHandle }),
    );
    expect(await countNotVisible(url)).toEqual({
      ApproximateNumberOfMessagesNotVisible: "0",
      ApproximateNumberOfMessages: "0",
    });
    // Deleting again succeeds, as in SQS.
    await h.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message!.ReceiptHandle }),
    );
  });

  it("refuses a receipt handle that was never valid (ReceiptHandleIsInvalid)", async () => {
    const url = await newQueue();
    const error = await failure(
      h.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: "garbage" })),
    );
    expect(error.name).toBe("ReceiptHandleIsInvalid");
    expect(error.message).toBe('The input receipt handle "garbage" is not a valid receipt handle.');
  });

  it("accepts a stale handle of a standard queue but keeps the message", async () => {
    const url = await newQueue();
    await send(url, "a");
    const [first] = await receive(url, { VisibilityTimeout: 0 });
    const [second] = await receive(url, { VisibilityTimeout: 0 });
    await h.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first!.ReceiptHandle }),
    );
    expect(await receive(url, { VisibilityTimeout: 0 })).toHaveLength(1);
    await h.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second!.ReceiptHandle }),
    );
    // The latest handle was the third receive's; the second one is stale too.
    expect(await receive(url)).toHaveLength(1);
  });

  it("deletes with the latest handle after its visibility timeout ended (standard queue)", async () => {
    const url = await newQueue({ VisibilityTimeout: "1" });
    await send(url, "a");
    const [message] = await receive(url);
    await h.clock.advance(2000);
    await h.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message!.ReceiptHandle }),
    );
    expect(await receive(url)).toEqual([]);
  });

  it("deletes in batches, reporting bad handles per entry", async () => {
    const url = await newQueue();
    await send(url, "a");
    const [message] = await receive(url);
    const result = await h.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: "good", ReceiptHandle: message!.ReceiptHandle },
          { Id: "bad", ReceiptHandle: "fake-receipt-handle" },
        ],
      }),
    );
    expect(result.Successful).toEqual([{ Id: "good" }]);
    expect(result.Failed).toEqual([
      {
        Id: "bad",
        SenderFault: true,
        Code: "ReceiptHandleIsInvalid",
        Message: 'The input receipt handle "fake-receipt-handle" is not a valid receipt handle.',
      },
    ]);
  });

  it("changes the visibility of a message in flight", async () => {
    const url = await newQueue();
    await send(url, "a");
    const [message] = await receive(url);
    await h.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: message!.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const [again] = await receive(url, { VisibilityTimeout: 100 });
    expect(again!.MessageId).toBe(message!.MessageId);
    await h.sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: [{ Id: "1", ReceiptHandle: again!.ReceiptHandle, VisibilityTimeout: 5 }],
      }),
    );
    await h.clock.advance(5000);
    expect(await receive(url)).toHaveLength(1);
  });

  it("refuses a visibility timeout beyond 12 hours from the receive", async () => {
    const url = await newQueue();
    await send(url, "a");
    const [message] = await receive(url);
    await h.clock.advance(1000);
    const error = await failure(
      h.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: message!.ReceiptHandle,
          VisibilityTimeout: 43_200,
        }),
      ),
    );
    expect(error.message).toMatch(/Total VisibilityTimeout for the message is beyond the limit/);
  });

  it("refuses a stale handle for a visibility change", async () => {
    const url = await newQueue();
    await send(url, "a");
    const [first] = await receive(url, { VisibilityTimeout: 0 });
    await receive(url);
    const result = await h.sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: [{ Id: "1", ReceiptHandle: first!.ReceiptHandle, VisibilityTimeout: 0 }],
      }),
    );
    expect(result.Failed).toEqual([
      expect.objectContaining({ Id: "1", Code: "InvalidParameterValue" }),
    ]);
  });

  it("names the queue of a handle: another queue's handle is invalid", async () => {
    const one = await newQueue();
    const two = await newQueue();
    await send(one, "a");
    const [message] = (await receive(one)) as Message[];
    const error = await failure(
      h.sqs.send(
        new DeleteMessageCommand({ QueueUrl: two, ReceiptHandle: message!.ReceiptHandle }),
      ),
    );
    expect(error.name).toBe("ReceiptHandleIsInvalid");
  });
});
