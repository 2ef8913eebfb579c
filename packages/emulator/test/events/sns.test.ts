import { describe, expect, it } from "vitest";
import {
  generateSnsEvent,
  generateSnsViaSqsEvent,
  InvalidEventParamsError,
  md5OfMessageAttributes,
} from "../../src/events/index.js";
import { fixedSources } from "./support.js";

describe("generateSnsEvent", () => {
  it("writes Lambda's SNS record, with the Url spelling and a subscription of the topic", () => {
    const [record] = generateSnsEvent(
      { topic: "bartender", message: { beer: 1 }, subject: "Order" },
      fixedSources(),
    ).Records;
    const topicArn = "arn:aws:sns:us-east-1:000000000000:bartender";
    expect(record).toMatchObject({
      EventSource: "aws:sns",
      EventVersion: "1.0",
      Sns: {
        Type: "Notification",
        TopicArn: topicArn,
        Subject: "Order",
        Message: '{"beer":1}',
        SignatureVersion: "1",
      },
    });
    expect(record?.EventSubscriptionArn).toMatch(new RegExp(`^${topicArn}:[0-9a-f-]{36}$`));
    expect(record?.Sns.SigningCertUrl).toMatch(
      /^https:\/\/sns\.us-east-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/,
    );
    expect(record?.Sns.UnsubscribeUrl).toBe(
      `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${record?.EventSubscriptionArn}`,
    );
    expect(Buffer.from(record?.Sns.Signature ?? "", "base64")).toHaveLength(256);
    expect(record?.Sns.Timestamp).toBe("2024-05-01T12:00:00.123Z");
  });

  it("leaves Subject out when the publisher gave none", () => {
    const [record] = generateSnsEvent({ topic: "t", message: "m" }, fixedSources()).Records;
    expect(record?.Sns).not.toHaveProperty("Subject");
    expect(record?.Sns.MessageAttributes).toEqual({});
  });

  it("types shorthand message attributes", () => {
    const [record] = generateSnsEvent(
      {
        topic: "t",
        message: "m",
        messageAttributes: {
          s: "x",
          n: 2,
          a: ["x", 1, true],
          b: Uint8Array.of(255),
          full: { Type: "Number", Value: "3" },
        },
      },
      fixedSources(),
    ).Records;
    expect(record?.Sns.MessageAttributes).toEqual({
      s: { Type: "String", Value: "x" },
      n: { Type: "Number", Value: "2" },
      a: { Type: "String.Array", Value: '["x",1,true]' },
      b: { Type: "Binary", Value: "/w==" },
      full: { Type: "Number", Value: "3" },
    });
  });

  it.each([
    ["a FIFO topic (they deliver to queues only)", { topic: "t.fifo", message: "m" }, "topic"],
    ["a subject with a line break", { topic: "t", message: "m", subject: "a\nb" }, "subject"],
    [
      "a subject over 100 characters",
      { topic: "t", message: "m", subject: "s".repeat(101) },
      "subject",
    ],
    ["an empty message", { topic: "t", message: "" }, "message"],
    ["a message over 256 KiB", { topic: "t", message: "x".repeat(256 * 1024 + 1) }, "message"],
    [
      "a String.Array that is not an array",
      { topic: "t", message: "m", messageAttributes: { a: { Type: "String.Array", Value: "x" } } },
      "messageAttributes.a",
    ],
    [
      "an attribute of no known form",
      { topic: "t", message: "m", messageAttributes: { a: { x: 1 } } },
      "messageAttributes.a",
    ],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateSnsEvent(params as never, fixedSources())).toThrow(
      expect.objectContaining({ name: InvalidEventParamsError.name, param }),
    );
  });
});

describe("generateSnsViaSqsEvent", () => {
  it("puts SNS's JSON in the body, spelling SigningCertURL and UnsubscribeURL", () => {
    const [record] = generateSnsViaSqsEvent(
      {
        topic: "bartender",
        queue: "q",
        message: "hello",
        subject: "Order",
        messageAttributes: { k: "v" },
      },
      fixedSources(),
    ).Records;
    const body = record?.body ?? "";
    expect(body).toMatch(/^\{\n {2}"Type" : "Notification",\n {2}"MessageId" : "/);
    expect(body).toContain(
      '  "MessageAttributes" : {\n    "k" : {"Type":"String","Value":"v"}\n  }\n}',
    );
    const envelope = JSON.parse(body);
    expect(Object.keys(envelope)).toEqual([
      "Type",
      "MessageId",
      "TopicArn",
      "Subject",
      "Message",
      "Timestamp",
      "SignatureVersion",
      "Signature",
      "SigningCertURL",
      "UnsubscribeURL",
      "MessageAttributes",
    ]);
    expect(envelope).toMatchObject({
      TopicArn: "arn:aws:sns:us-east-1:000000000000:bartender",
      Message: "hello",
    });
    expect(record?.messageAttributes).toEqual({});
  });

  it("delivers the bare message and SQS attributes with raw message delivery", () => {
    const [record] = generateSnsViaSqsEvent(
      {
        topic: "t",
        queue: "q",
        message: { a: 1 },
        messageAttributes: { s: "x", b: Uint8Array.of(1) },
        rawMessageDelivery: true,
      },
      fixedSources(),
    ).Records;
    expect(record?.body).toBe('{"a":1}');
    expect(record?.messageAttributes).toEqual({
      s: { stringValue: "x", stringListValues: [], binaryListValues: [], dataType: "String" },
      b: { binaryValue: "AQ==", stringListValues: [], binaryListValues: [], dataType: "Binary" },
    });
    expect(record?.md5OfMessageAttributes).toBe(
      md5OfMessageAttributes(record?.messageAttributes ?? {}),
    );
  });

  it("numbers FIFO notifications and carries the group into the FIFO queue", () => {
    const [record] = generateSnsViaSqsEvent(
      { topic: "orders.fifo", queue: "orders.fifo", message: "m", messageGroupId: "g" },
      fixedSources(),
    ).Records;
    expect(JSON.parse(record?.body ?? "{}")).toHaveProperty("SequenceNumber");
    expect(record?.attributes).toMatchObject({ MessageGroupId: "g" });
    expect(record?.attributes.MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["a FIFO queue on a standard topic", { topic: "t", queue: "q.fifo", message: "m" }, "queue"],
    [
      "a FIFO topic without a group",
      { topic: "t.fifo", queue: "q", message: "m" },
      "messageGroupId",
    ],
    [
      "a group on a standard topic",
      { topic: "t", queue: "q", message: "m", messageGroupId: "g" },
      "messageGroupId",
    ],
    ["no queue", { topic: "t", message: "m" }, "queue"],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateSnsViaSqsEvent(params as never, fixedSources())).toThrow(
      expect.objectContaining({ param }),
    );
  });
});
