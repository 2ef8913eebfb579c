import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../../../test/support/corpora.js";
import {
  generateSqsEvent,
  InvalidEventParamsError,
  md5OfBody,
  md5OfMessageAttributes,
} from "../../src/events/index.js";
import { fixedSources } from "./support.js";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const helloBinary = Buffer.from("Hello binary world!").toString("base64");

describe("SQS digests", () => {
  it("md5OfBody matches the AWS documentation's example record", () => {
    // The Lambda developer guide's SQS example (copied in the corpus) sends "Test message.".
    const record = readCorpus<{ Records: { body: string; md5OfBody: string }[] }>(
      "events/powertools/sqs/base.json",
    ).Records[0];
    expect(record?.body).toBe("Test message.");
    expect(md5OfBody(record?.body ?? "")).toBe(record?.md5OfBody);
  });

  // Known digests published with the aws-md5-of-message-attributes package, computed by SQS.
  it.each([
    [
      { attribName1: { dataType: "String", stringValue: "attribValue 1" } },
      "19e27d4e946b072f3f58da80d94fd778",
    ],
    [
      {
        customNumberTypeAttrib: {
          dataType: "Number.float",
          stringValue: "4563442423554324324264524243.32543234",
        },
      },
      "9fe1b90bbd9965bdf77bac517c7d2495",
    ],
    [
      { binaryAttribute: { dataType: "Binary", binaryValue: helloBinary } },
      "31a92b15d92f8db860eda32aceb656c3",
    ],
    [
      {
        attribName1: { dataType: "String", stringValue: "attribValue 1" },
        customNumberTypeAttrib: {
          dataType: "Number.float",
          stringValue: "4563442423554324324264524243.32543234",
        },
        binaryAttribute: { dataType: "Binary", binaryValue: helloBinary },
      },
      "c932db14a896c663f83c260297d594ff",
    ],
  ])("md5OfMessageAttributes of %j", (attributes, digest) => {
    expect(md5OfMessageAttributes(attributes)).toBe(digest);
  });

  it("generated records carry the digests of their body and attributes", () => {
    const [record] = generateSqsEvent(
      {
        queue: "q",
        body: "payload",
        messageAttributes: {
          b: { dataType: "Binary", binaryValue: helloBinary },
          a: { dataType: "String", stringValue: "attribValue 1" },
        },
      },
      fixedSources(),
    ).Records;
    expect(record?.md5OfBody).toBe(md5("payload"));
    expect(record?.md5OfMessageAttributes).toBe(
      md5OfMessageAttributes(record?.messageAttributes ?? {}),
    );
  });

  it("leaves md5OfMessageAttributes out when a message has no attributes", () => {
    const [record] = generateSqsEvent({ queue: "q", body: "x" }, fixedSources()).Records;
    expect(record).not.toHaveProperty("md5OfMessageAttributes");
  });
});

describe("generateSqsEvent", () => {
  it("sends strings as they are and other bodies as JSON", () => {
    const event = generateSqsEvent(
      { queue: "q", messages: [{ body: '{"beer": 1}' }, { body: { beer: 1 } }] },
      fixedSources(),
    );
    expect(event.Records.map((record) => record.body)).toEqual(['{"beer": 1}', '{"beer":1}']);
  });

  it("names the queue by name in the stage's region and account, or by ARN", () => {
    const byName = generateSqsEvent(
      { queue: "q", body: "x" },
      fixedSources({ region: "eu-west-1", account: "123456789012" }),
    );
    expect(byName.Records[0]).toMatchObject({
      eventSourceARN: "arn:aws:sqs:eu-west-1:123456789012:q",
      awsRegion: "eu-west-1",
    });
    const byArn = generateSqsEvent(
      { queue: "arn:aws:sqs:ap-south-1:210987654321:other", body: "x" },
      fixedSources(),
    );
    expect(byArn.Records[0]).toMatchObject({
      eventSourceARN: "arn:aws:sqs:ap-south-1:210987654321:other",
      awsRegion: "ap-south-1",
    });
  });

  it("stamps records with the injected clock and ids", () => {
    const [record] = generateSqsEvent(
      { queue: "q", body: "x", receiveCount: 3 },
      fixedSources(),
    ).Records;
    expect(record?.attributes).toMatchObject({
      ApproximateReceiveCount: "3",
      SentTimestamp: String(Date.parse("2024-05-01T12:00:00.123Z")),
      ApproximateFirstReceiveTimestamp: String(Date.parse("2024-05-01T12:00:00.123Z")),
    });
    expect(record?.messageId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(record?.receiptHandle).toMatch(/^AQEB[A-Za-z0-9+/=]+$/);
    expect(record?.attributes.SenderId).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });

  it("is deterministic for deterministic sources", () => {
    const params = { queue: "q", messages: [{ body: "a" }, { body: "b" }] };
    expect(generateSqsEvent(params, fixedSources())).toEqual(
      generateSqsEvent(params, fixedSources()),
    );
  });

  it("adds FIFO attributes, with content-based deduplication by default", () => {
    const event = generateSqsEvent(
      {
        queue: "orders.fifo",
        messages: [
          { body: "a", messageGroupId: "g" },
          { body: "b", messageGroupId: "g", messageDeduplicationId: "d" },
        ],
      },
      fixedSources(),
    );
    const [first, second] = event.Records.map((record) => record.attributes);
    expect(first).toMatchObject({
      MessageGroupId: "g",
      MessageDeduplicationId: createHash("sha256").update("a").digest("hex"),
    });
    expect(second).toMatchObject({ MessageGroupId: "g", MessageDeduplicationId: "d" });
    expect(BigInt(second?.SequenceNumber ?? "0")).toBeGreaterThan(
      BigInt(first?.SequenceNumber ?? "0"),
    );
  });

  it("turns shorthand attributes into typed ones", () => {
    const [record] = generateSqsEvent(
      { queue: "q", body: "x", messageAttributes: { s: "text", n: 1.5, b: Uint8Array.of(1, 2) } },
      fixedSources(),
    ).Records;
    expect(record?.messageAttributes).toEqual({
      s: { stringValue: "text", stringListValues: [], binaryListValues: [], dataType: "String" },
      n: { stringValue: "1.5", stringListValues: [], binaryListValues: [], dataType: "Number" },
      b: { binaryValue: "AQI=", stringListValues: [], binaryListValues: [], dataType: "Binary" },
    });
  });

  it.each([
    ["no queue", { body: "x" }, "queue"],
    ["an invalid queue name", { queue: "my queue", body: "x" }, "queue"],
    [
      "an ARN of another service",
      { queue: "arn:aws:sns:us-east-1:123456789012:t", body: "x" },
      "queue",
    ],
    ["an unknown parameter", { queue: "q", body: "x", queu: "q" }, "queu"],
    ["no body", { queue: "q" }, "body"],
    ["an empty body", { queue: "q", body: "" }, "body"],
    ["a body with a NUL character", { queue: "q", body: "a\u0000b" }, "body"],
    ["body and messages together", { queue: "q", body: "x", messages: [{ body: "y" }] }, "body"],
    ["a FIFO message without a group", { queue: "q.fifo", body: "x" }, "messageGroupId"],
    [
      "a deduplication id on a standard queue",
      { queue: "q", body: "x", messageDeduplicationId: "d" },
      "messageDeduplicationId",
    ],
    [
      "more than 10 messages from a FIFO queue",
      {
        queue: "q.fifo",
        messages: Array.from({ length: 11 }, () => ({ body: "x", messageGroupId: "g" })),
      },
      "messages",
    ],
    [
      "more than 10 attributes",
      {
        queue: "q",
        body: "x",
        messageAttributes: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, "v"])),
      },
      "messageAttributes",
    ],
    [
      "a reserved attribute name",
      { queue: "q", body: "x", messageAttributes: { "AWS.trace": "v" } },
      "messageAttributes.AWS.trace",
    ],
    [
      "a Number attribute that is not a number",
      {
        queue: "q",
        body: "x",
        messageAttributes: { n: { dataType: "Number", stringValue: "ten" } },
      },
      "messageAttributes.n",
    ],
    [
      "a Binary attribute that is not base64",
      {
        queue: "q",
        body: "x",
        messageAttributes: { b: { dataType: "Binary", binaryValue: "not base64!" } },
      },
      "messageAttributes.b",
    ],
    [
      "an unknown data type",
      { queue: "q", body: "x", messageAttributes: { x: { dataType: "Date", stringValue: "now" } } },
      "messageAttributes.x",
    ],
    ["a receive count of 0", { queue: "q", body: "x", receiveCount: 0 }, "receiveCount"],
    ["a message entry that is not an object", { queue: "q", messages: ["x"] }, "messages[0]"],
  ])("rejects %s", (_, params, param) => {
    const attempt = () => generateSqsEvent(params as never, fixedSources());
    expect(attempt).toThrow(InvalidEventParamsError);
    expect(attempt).toThrow(expect.objectContaining({ kind: "sqs", param }));
  });
});
