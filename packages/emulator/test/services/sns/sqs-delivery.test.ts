import { PublishCommand } from "@aws-sdk/client-sns";
import { describe, expect, it } from "vitest";
import { detectSource } from "../../../../runtime/src/sources/index.js";
import { createContext } from "../../../src/events/context.js";
import { sqsEvent } from "../../../src/events/sqs.js";
import { AwsServiceError } from "../../../src/services/errors.js";
import { shapeDifferences } from "../../events/key-shape.js";
import { FAMILIES } from "../../events/samples.js";
import { ACCOUNT, FUNCTION_ARN, queueArn, REGION, useSnsEmulator } from "./harness.js";

const emulator = useSnsEmulator();

const serviceUnavailable = () =>
  new AwsServiceError("ServiceUnavailable", "Try again.", { statusCode: 503 });

describe("delivery to SQS", () => {
  it("sends the SNS notification JSON with SQS's spelling of the URL fields", async () => {
    const { sns, queues, deliver } = emulator();
    const { topicArn: TopicArn, subscriptionArn: SubscriptionArn } = await emulator().topicWith(
      "sqs",
      queueArn("q"),
    );
    const { MessageId } = await sns.send(
      new PublishCommand({
        TopicArn,
        Message: "hello",
        Subject: "Order",
        MessageAttributes: { attr1: { DataType: "Number", StringValue: "99.12" } },
      }),
    );
    await deliver();
    const [message] = queues.to(queueArn("q"));
    expect(message?.messageAttributes).toEqual({});
    const envelope = JSON.parse(message?.body ?? "");
    expect(envelope).toMatchObject({
      Type: "Notification",
      MessageId,
      TopicArn,
      Subject: "Order",
      Message: "hello",
      Timestamp: "2024-05-01T12:00:00.000Z",
      SignatureVersion: "1",
      SigningCertURL: expect.stringMatching(
        /^https:\/\/sns\.us-east-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/,
      ),
      UnsubscribeURL: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${SubscriptionArn}`,
      MessageAttributes: { attr1: { Type: "Number", Value: "99.12" } },
    });
  });

  it("sends envelopes with the field set of the real ones, which the runtime recognises", async () => {
    const { sns, queues, deliver, topicWith } = emulator();
    const { topicArn: TopicArn } = await topicWith("sqs", queueArn("q"));
    // The corpus's envelopes carry no message attributes, so this message has none either.
    await sns.send(new PublishCommand({ TopicArn, Message: "hello", Subject: "Order" }));
    await deliver();
    const [message] = queues.to(queueArn("q"));
    const envelope = JSON.parse(message?.body ?? "");
    const { fixtures, rules } = FAMILIES.snsEnvelope;
    expect(shapeDifferences(envelope, fixtures(), rules)).toEqual({ unknown: [], missing: [] });
    // As Lambda's SQS poller would hand it to the app, the runtime finds SNS inside SQS.
    const queue = { name: "q", arn: queueArn("q"), region: REGION, account: ACCOUNT };
    const event = sqsEvent(queue, message ? [message] : [], createContext("sqs"));
    expect(detectSource(event)).toMatchObject({
      kind: "sqs",
      key: "q",
      records: [{ inner: { kind: "sns", key: "bartender" } }],
    });
  });

  it("sends the bare message and SQS attributes with raw message delivery", async () => {
    const { sns, queues, deliver, topicWith } = emulator();
    const { topicArn: TopicArn } = await topicWith("sqs", queueArn("q"), {
      RawMessageDelivery: "true",
    });
    await sns.send(
      new PublishCommand({
        TopicArn,
        Message: "hello",
        Subject: "ignored",
        MessageAttributes: {
          text: { DataType: "String", StringValue: "x" },
          bytes: { DataType: "Binary", BinaryValue: Uint8Array.of(2, 3, 4) },
        },
      }),
    );
    await deliver();
    expect(queues.to(queueArn("q"))).toEqual([
      {
        body: "hello",
        messageAttributes: {
          text: {
            stringValue: "x",
            stringListValues: [],
            binaryListValues: [],
            dataType: "String",
          },
          bytes: {
            binaryValue: "AgME",
            stringListValues: [],
            binaryListValues: [],
            dataType: "Binary",
          },
        },
      },
    ]);
  });

  it("signs with the topic's SignatureVersion", async () => {
    const { sns, queues, deliver, topicWith } = emulator();
    const { topicArn: TopicArn } = await topicWith(
      "sqs",
      queueArn("q"),
      {},
      {
        name: "t",
        attributes: { SignatureVersion: "2" },
      },
    );
    await sns.send(new PublishCommand({ TopicArn, Message: "m" }));
    await deliver();
    expect(JSON.parse(queues.sent[0]?.message.body ?? "")).toMatchObject({ SignatureVersion: "2" });
  });

  it("sends each protocol its message of a JSON message structure", async () => {
    const { sns, backend, queues, invoker, deliver } = emulator();
    const { topicArn: TopicArn } = await emulator().topicWith("sqs", queueArn("q"));
    backend.subscribe(backend.topic(TopicArn), "lambda", FUNCTION_ARN);
    const Message = JSON.stringify({
      default: "default field",
      sqs: JSON.stringify({ field: "value" }),
    });
    await sns.send(new PublishCommand({ TopicArn, Message, MessageStructure: "json" }));
    await deliver();
    expect(JSON.parse(queues.sent[0]?.message.body ?? "").Message).toBe('{"field":"value"}');
    expect(invoker.messages()).toEqual(["default field"]);
  });

  it("carries a FIFO topic's group and deduplication ids into a FIFO queue, unsigned", async () => {
    const { sns, queues, deliver, topicWith } = emulator();
    const { topicArn: TopicArn } = await topicWith(
      "sqs",
      queueArn("q.fifo"),
      {},
      {
        name: "t.fifo",
        attributes: { FifoTopic: "true" },
      },
    );
    await sns.send(
      new PublishCommand({
        TopicArn,
        Message: "Test",
        MessageGroupId: "g",
        MessageDeduplicationId: "d",
      }),
    );
    await deliver();
    const [message] = queues.to(queueArn("q.fifo"));
    expect(message).toMatchObject({ messageGroupId: "g", messageDeduplicationId: "d" });
    expect(Object.keys(JSON.parse(message?.body ?? ""))).toEqual([
      "Type",
      "MessageId",
      "SequenceNumber",
      "TopicArn",
      "Message",
      "Timestamp",
      "UnsubscribeURL",
    ]);
  });

  it("passes a standard topic's group id on to a standard queue, not a FIFO topic's", async () => {
    const { sns, backend, queues, deliver } = emulator();
    const { topicArn: TopicArn } = await emulator().topicWith("sqs", queueArn("standard"));
    const fifo = backend.createTopic(REGION, "t.fifo", { FifoTopic: "true" });
    backend.subscribe(fifo, "sqs", queueArn("from-fifo"));
    await sns.send(new PublishCommand({ TopicArn, Message: "m", MessageGroupId: "g" }));
    await sns.send(
      new PublishCommand({
        TopicArn: fifo.arn,
        Message: "m",
        MessageGroupId: "g",
        MessageDeduplicationId: "d",
      }),
    );
    await deliver();
    expect(queues.to(queueArn("standard"))[0]).toMatchObject({ messageGroupId: "g" });
    expect(queues.to(queueArn("from-fifo"))[0]).not.toHaveProperty("messageGroupId");
  });

  it("keeps a FIFO topic's order when a delivery is retried", async () => {
    const { sns, queues, deliver, topicWith } = emulator();
    const { topicArn: TopicArn } = await topicWith(
      "sqs",
      queueArn("q.fifo"),
      {},
      {
        name: "t.fifo",
        attributes: { FifoTopic: "true", ContentBasedDeduplication: "true" },
      },
    );
    queues.failFor(queueArn("q.fifo"), serviceUnavailable, 1);
    for (const Message of ["1", "2", "3"]) {
      await sns.send(new PublishCommand({ TopicArn, Message, MessageGroupId: "g" }));
    }
    await deliver();
    expect(queues.sent.map((sent) => JSON.parse(sent.message.body).Message)).toEqual([
      "1",
      "2",
      "3",
    ]);
  });

  it("delivers only the messages whose attributes match (scope MessageAttributes)", async () => {
    const { sns, queues, deliver } = emulator();
    const FilterPolicy = JSON.stringify({ colour: ["red"], size: [{ numeric: [">", 10] }] });
    const { topicArn: TopicArn } = await emulator().topicWith("sqs", queueArn("q"), {
      FilterPolicy,
    });
    const publish = (Message: string, colour: string, size: string) =>
      sns.send(
        new PublishCommand({
          TopicArn,
          Message,
          MessageAttributes: {
            colour: { DataType: "String", StringValue: colour },
            size: { DataType: "Number", StringValue: size },
          },
        }),
      );
    await publish("match", "red", "11");
    await publish("wrong colour", "blue", "11");
    await publish("too small", "red", "10");
    await deliver();
    expect(queues.sent.map((sent) => JSON.parse(sent.message.body).Message)).toEqual(["match"]);
  });
});
