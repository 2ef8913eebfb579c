import type { KinesisStreamEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { detectKinesis, isKinesisStreamEvent, kinesisStreamName } from "../../src/sources/index.js";
import { casesLabelled, loadEvent } from "./corpus.js";

describe("Kinesis corpus fixtures", () => {
  // Includes streams that carry CloudWatch Logs or DynamoDB data: their stream routes them.
  for (const entry of casesLabelled("kinesis")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isKinesisStreamEvent(event)).toBe(true);
      const detected = detectKinesis(event as unknown as KinesisStreamEvent);
      expect(detected).toEqual({ kind: "kinesis", event, key: entry.key });
    });
  }
});

describe("Kinesis streams", () => {
  it("are routed by the stream name of the ARN", () => {
    expect(kinesisStreamName("arn:aws:kinesis:us-east-2:123456789012:stream/orders")).toBe(
      "orders",
    );
    const consumer = "arn:aws:kinesis:us-east-2:123456789012:stream/orders/consumer/c:1700000000";
    expect(kinesisStreamName(consumer)).toBe("orders");
    expect(kinesisStreamName("arn:aws:kinesis:EXAMPLE")).toBeNull();
  });

  it("must name their stream", () => {
    const event = loadEvent<KinesisStreamEvent>(casesLabelled("kinesis")[0]!.file);
    const { eventSourceARN, ...record } = event.Records[0]!;
    expect(() => detectKinesis({ Records: [record] } as never)).toThrow(
      expect.objectContaining({ path: "Records[0].eventSourceARN", found: "missing" }),
    );
  });
});
