import { describe, expect, it } from "vitest";
import { generateKinesisEvent } from "../../src/events/index.js";
import { fixedSources } from "./support.js";

const decode = (data: string | undefined) => Buffer.from(data ?? "", "base64");

describe("generateKinesisEvent", () => {
  it("base64-encodes text, JSON and bytes", () => {
    const event = generateKinesisEvent(
      {
        stream: "s",
        records: [{ data: "Hello" }, { data: { n: 1 } }, { data: Uint8Array.of(0, 255) }],
      },
      fixedSources(),
    );
    const data = event.Records.map((record) => decode(record.kinesis.data));
    expect(data[0]?.toString()).toBe("Hello");
    expect(data[1]?.toString()).toBe('{"n":1}');
    expect([...(data[2] ?? [])]).toEqual([0, 255]);
  });

  it("numbers records with 56-digit sequence numbers that grow", () => {
    const event = generateKinesisEvent(
      { stream: "s", records: [{ data: "a" }, { data: "b" }] },
      fixedSources(),
    );
    const sequences = event.Records.map((record) => record.kinesis.sequenceNumber);
    for (const sequence of sequences) expect(sequence).toMatch(/^49\d{54}$/);
    expect(BigInt(sequences[1] ?? "0")).toBeGreaterThan(BigInt(sequences[0] ?? "0"));
    expect(event.Records[0]?.eventID).toBe(`shardId-000000000000:${sequences[0]}`);
  });

  it("fills in the record as Lambda's poller does", () => {
    const [record] = generateKinesisEvent(
      {
        stream: "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
        data: "x",
        partitionKey: "p",
        shardId: "shardId-000000000006",
        role: "worker",
      },
      fixedSources(),
    ).Records;
    expect(record).toMatchObject({
      kinesis: {
        kinesisSchemaVersion: "1.0",
        partitionKey: "p",
        approximateArrivalTimestamp: 1714564800.123,
      },
      eventSource: "aws:kinesis",
      eventVersion: "1.0",
      eventName: "aws:kinesis:record",
      invokeIdentityArn: "arn:aws:iam::123456789012:role/worker",
      awsRegion: "eu-west-1",
      eventSourceARN: "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
    });
    expect(record?.eventID).toMatch(/^shardId-000000000006:49\d{54}$/);
  });

  it.each([
    ["a malformed shard id", { stream: "s", data: "x", shardId: "shard-1" }, "shardId"],
    ["an empty partition key", { stream: "s", data: "x", partitionKey: "" }, "partitionKey"],
    ["no data", { stream: "s" }, "data"],
    [
      "a stream ARN of another service",
      { stream: "arn:aws:sqs:us-east-1:123456789012:s", data: "x" },
      "stream",
    ],
    ["data over 1 MiB", { stream: "s", data: "x".repeat(1024 * 1024 + 1) }, "data"],
    ["an invalid role", { stream: "s", data: "x", role: "a role" }, "role"],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateKinesisEvent(params as never, fixedSources())).toThrow(
      expect.objectContaining({ kind: "kinesis", param }),
    );
  });
});
