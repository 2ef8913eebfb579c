import type { SNSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/errors.js";
import { detectSns, isSnsEvent, S3_NOTIFICATION_SUBJECT } from "../../src/sources/index.js";
import { S3_TEST_MESSAGE, s3NotificationText, snsEventWithMessage } from "./builders.js";
import { casesLabelled, loadEvent } from "./corpus.js";

describe("SNS corpus fixtures", () => {
  for (const entry of casesLabelled("sns", "s3-via-sns")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isSnsEvent(event)).toBe(true);
      const detected = detectSns(event as unknown as SNSEvent);
      expect(detected).toMatchObject({ kind: "sns", key: entry.key });
      expect(detected.records).toHaveLength(entry.records ?? 0);
      expect(detected.records[0]?.inner?.kind ?? null).toBe(entry.source === "sns" ? null : "s3");
    });
  }
});

describe("SNS messages", () => {
  it("hand S3 notifications to the bucket, keeping the topic as the route", () => {
    const detected = detectSns(snsEventWithMessage(s3NotificationText(), S3_NOTIFICATION_SUBJECT));
    expect(detected.key).toBe("ExampleTopic");
    expect(detected.records[0]?.inner).toMatchObject({ kind: "s3", key: "xxx" });
    expect(detected.records[0]?.inner?.event).toEqual(JSON.parse(s3NotificationText()));
  });

  it("acknowledge S3 test events", () => {
    const message = JSON.stringify(S3_TEST_MESSAGE);
    const detected = detectSns(snsEventWithMessage(message, S3_NOTIFICATION_SUBJECT));
    expect(detected.records[0]?.inner).toMatchObject({
      kind: "s3-test-event",
      key: "amzn-s3-demo-bucket",
    });
  });

  it("are not parsed under any other subject", () => {
    expect(detectSns(snsEventWithMessage(s3NotificationText())).records[0]?.inner).toBeNull();
    expect(detectSns(snsEventWithMessage("{", "Other")).records[0]?.inner).toBeNull();
  });

  it("under S3's subject must be S3's JSON", () => {
    const run = () => detectSns(snsEventWithMessage('{"hello":1}', S3_NOTIFICATION_SUBJECT));
    expect(run).toThrow(MalformedEventError);
    expect(run).toThrow(expect.objectContaining({ path: "JSON.parse(Records[0].Sns.Message)" }));
  });

  it("must name their topic", () => {
    const event = snsEventWithMessage("x");
    const sns = { ...event.Records[0]!.Sns, TopicArn: undefined };
    const run = () =>
      detectSns({ Records: [{ ...event.Records[0]!, Sns: sns }] } as unknown as SNSEvent);
    expect(run).toThrow(expect.objectContaining({ path: "Records[0].Sns.TopicArn" }));
  });
});
