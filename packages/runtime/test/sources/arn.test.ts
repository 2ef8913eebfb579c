import { describe, expect, it } from "vitest";
import {
  afterNthColon,
  arnResourceName,
  arnResourcePath,
  lastArnSegment,
} from "../../src/sources/arn.js";

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
    expect(arnResourcePath("arn:aws:dynamodb:r:1:table/T/stream/2024-06-01T12:00:00.000")).toEqual([
      "table",
      "T",
      "stream",
      "2024-06-01T12:00:00.000",
    ]);
    expect(arnResourcePath("arn:aws:kinesis:EXAMPLE")).toBeNull();
    expect(arnResourcePath("urn:a:b:c:d:e")).toBeNull();
  });

  it("name a resource of the expected type only", () => {
    expect(arnResourceName("arn:aws:dynamodb:r:1:table/T/stream/L", "table")).toBe("T");
    expect(arnResourceName("arn:aws:dynamodb:r:1:table/T/stream/L", "stream")).toBeNull();
    expect(arnResourceName("arn:aws:dynamodb:r:1:table/", "table")).toBeNull();
  });

  it("are read from the n-th colon on", () => {
    expect(afterNthColon("a:b:c", 0)).toBe("a:b:c");
    expect(afterNthColon("a:b:c", 2)).toBe("c");
    expect(afterNthColon("a:b:", 2)).toBe("");
    expect(afterNthColon("a:b", 2)).toBeNull();
  });
});
