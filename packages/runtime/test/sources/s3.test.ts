import type { S3Event } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/errors.js";
import {
  detectS3,
  detectS3TestEvent,
  detectSource,
  isS3Event,
  isS3TestEvent,
} from "../../src/sources/index.js";
import { S3_TEST_MESSAGE } from "./builders.js";
import { casesLabelled, loadEvent } from "./corpus.js";

describe("S3 corpus fixtures", () => {
  for (const entry of casesLabelled("s3")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isS3Event(event)).toBe(true);
      expect(detectS3(event as unknown as S3Event)).toEqual({ kind: "s3", event, key: entry.key });
    });
  }
});

describe("S3 notifications", () => {
  it("must name their bucket", () => {
    const event = loadEvent<S3Event>(casesLabelled("s3")[0]!.file);
    const bucket = { ...event.Records[0]!.s3.bucket, name: 5 };
    const s3 = { ...event.Records[0]!.s3, bucket };
    const run = () => detectS3({ Records: [{ ...event.Records[0]!, s3 }] } as unknown as S3Event);
    expect(run).toThrow(MalformedEventError);
    expect(run).toThrow(expect.objectContaining({ path: "Records[0].s3.bucket.name" }));
  });
});

describe("S3 test events", () => {
  it("are recognised by S3's Event field", () => {
    expect(isS3TestEvent(S3_TEST_MESSAGE)).toBe(true);
    expect(isS3TestEvent({ ...S3_TEST_MESSAGE, Event: "s3:Other" })).toBe(false);
  });

  it("are acknowledged wherever they arrive, keyed by bucket", () => {
    expect(detectS3TestEvent(S3_TEST_MESSAGE)).toEqual({
      kind: "s3-test-event",
      event: S3_TEST_MESSAGE,
      key: "amzn-s3-demo-bucket",
    });
    expect(detectSource(S3_TEST_MESSAGE).kind).toBe("s3-test-event");
  });

  it("must name their bucket", () => {
    const run = () => detectS3TestEvent({ ...S3_TEST_MESSAGE, Bucket: null } as never);
    expect(run).toThrow(expect.objectContaining({ path: "Bucket", found: "null" }));
  });
});
