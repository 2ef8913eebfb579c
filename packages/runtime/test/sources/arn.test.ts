import { describe, expect, it } from "vitest";
import { arnResourceName, arnResourcePath, lastArnSegment } from "../../src/sources/arn.js";

describe("ARNs", () => {
  it("end in the queue or topic name", () => {
    expect(lastArnSegment("arn:aws:sqs:us-east-2:123456789012:my-queue")).toBe("my-queue");
    expect(lastArnSegment("arn:aws:sns:EXAMPLE")).toBe("EXAMPLE");
    expect(lastArnSegment("eventsource_arn")).toBeNull();
    expect(lastArnSegment("arn:aws:sqs:us-east-2:123456789012:")).toBeNull();
  });

  it("keep `:` and `/` inside their resource part", () => {
    expect(arnResourcePath("arn:aws-cn:kinesis:cn-north-1:1:stream/s/consumer/c:17")).toEqual([
      "stream",
      "s",
      "consumer",
      "c:17",
    ]);
    expect(arnResourcePath("arn:aws:kinesis:EXAMPLE")).toBeNull();
    expect(arnResourcePath("urn:a:b:c:d:e")).toBeNull();
  });

  it("name a resource of the expected type only", () => {
    expect(arnResourceName("arn:aws:dynamodb:r:1:table/T/stream/L", "table")).toBe("T");
    expect(arnResourceName("arn:aws:dynamodb:r:1:table/T/stream/L", "stream")).toBeNull();
    expect(arnResourceName("arn:aws:dynamodb:r:1:table/", "table")).toBeNull();
  });
});
