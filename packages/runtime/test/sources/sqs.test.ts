import type { SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/errors.js";
import {
  detectSns,
  detectSqs,
  isSnsEvent,
  isSqsEvent,
  type QueuedSource,
  type SnsEnvelope,
  snsEventFromEnvelope,
} from "../../src/sources/index.js";
import {
  S3_TEST_MESSAGE,
  s3NotificationText,
  snsEnvelope,
  sqsEventWithBodies,
} from "./builders.js";
import { casesLabelled, firstEventLabelled, loadEvent } from "./corpus.js";

const INNER_KIND_BY_LABEL: Record<string, string | null> = {
  sqs: null,
  "sns-via-sqs": "sns",
  "s3-via-sqs": "s3",
  "s3-via-sns-via-sqs": "sns",
};

function innerOf(event: SQSEvent, index = 0): QueuedSource | null {
  const record = detectSqs(event).records[index];
  if (record === undefined) throw new Error(`no record ${index}`);
  return record.inner;
}

function expectMalformed(run: () => unknown, path: string): void {
  expect(run).toThrow(MalformedEventError);
  expect(run).toThrow(expect.objectContaining({ path }));
}

describe("SQS corpus fixtures", () => {
  for (const entry of casesLabelled(...Object.keys(INNER_KIND_BY_LABEL))) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isSqsEvent(event)).toBe(true);
      const detected = detectSqs(event as unknown as SQSEvent);
      expect(detected).toMatchObject({ kind: "sqs", key: entry.key });
      expect(detected.records).toHaveLength(entry.records ?? 0);
      const innerKind = INNER_KIND_BY_LABEL[entry.source];
      expect(detected.records[0]?.inner?.kind ?? null).toBe(innerKind);
    });
  }
});

describe("SQS bodies", () => {
  it("leaves text, JSON of the queue's own and non-object JSON to the queue", () => {
    const event = sqsEventWithBodies("plain text", '{"message":"hi"}', "[1,2]", '"text"', "{oops");
    expect(detectSqs(event).records.map((record) => record.inner)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("looks at each record's body on its own", () => {
    const event = sqsEventWithBodies(
      "plain",
      JSON.stringify(snsEnvelope()),
      s3NotificationText(),
      JSON.stringify(S3_TEST_MESSAGE),
    );
    expect(detectSqs(event).records.map((record) => record.inner?.kind ?? null)).toEqual([
      null,
      "sns",
      "s3",
      "s3-test-event",
    ]);
  });

  it("gives the topic of an SNS envelope and the bucket of an S3 notification", () => {
    expect(innerOf(sqsEventWithBodies(JSON.stringify(snsEnvelope())))?.key).toBe("powertools265");
    expect(innerOf(sqsEventWithBodies(s3NotificationText()))).toMatchObject({ kind: "s3" });
  });

  it("acknowledges an S3 test event sent straight to the queue", () => {
    const inner = innerOf(sqsEventWithBodies(JSON.stringify(S3_TEST_MESSAGE)));
    expect(inner).toEqual({
      kind: "s3-test-event",
      event: S3_TEST_MESSAGE,
      key: S3_TEST_MESSAGE.Bucket,
    });
  });

  it("unwraps an S3 notification that SNS delivered to the queue", () => {
    const envelope = snsEnvelope({
      Subject: "Amazon S3 Notification",
      Message: s3NotificationText(),
    });
    const inner = innerOf(sqsEventWithBodies(JSON.stringify(envelope)));
    expect(inner?.kind).toBe("sns");
    if (inner?.kind !== "sns") return;
    expect(inner.key).toBe("powertools265");
    expect(inner.records[0]?.inner).toMatchObject({ kind: "s3", key: "xxx" });
  });

  it("acknowledges an S3 test event that SNS delivered to the queue", () => {
    const envelope = snsEnvelope({
      Subject: "Amazon S3 Notification",
      Message: JSON.stringify(S3_TEST_MESSAGE),
    });
    const inner = innerOf(sqsEventWithBodies(JSON.stringify(envelope)));
    expect(inner?.kind === "sns" && inner.records[0]?.inner?.kind).toBe("s3-test-event");
  });

  it("recognises EventBridge events delivered to the queue", () => {
    const bare = firstEventLabelled("eventbridge");
    const s3 = firstEventLabelled("s3-via-eventbridge");
    const wrapped = { domovoiRule: "on-ec2", event: bare };
    const event = sqsEventWithBodies(...[bare, s3, wrapped].map((body) => JSON.stringify(body)));
    expect(detectSqs(event).records.map((record) => record.inner?.kind)).toEqual([
      "eventbridge",
      "s3",
      "rule",
    ]);
  });

  it("recognises carried sources however their JSON spells the fields it looks for", () => {
    // Bodies are parsed only when they contain what a carried source needs; JSON escapes can
    // spell those fields differently, and must not hide the source.
    const escaped = (text: string) =>
      text.replace(/[A-Za-z]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    const sns = JSON.stringify(snsEnvelope()).replace("SigningCertURL", escaped("SigningCertURL"));
    const s3 = s3NotificationText().replace("aws:s3", `${escaped("aws")}:s3`);
    const test = JSON.stringify(S3_TEST_MESSAGE).replace(
      "s3:TestEvent",
      `s3:${escaped("Test")}Event`,
    );
    const bare = JSON.stringify(firstEventLabelled("eventbridge")).replace(
      "detail-type",
      `${escaped("detail")}-type`,
    );
    const rule = JSON.stringify({
      domovoiRule: "on-ec2",
      event: firstEventLabelled("eventbridge"),
    });
    const event = sqsEventWithBodies(
      sns,
      s3,
      test,
      bare,
      rule.replace("domovoiRule", escaped("domovoiRule")),
    );
    expect(detectSqs(event).records.map((record) => record.inner?.kind)).toEqual([
      "sns",
      "s3",
      "s3-test-event",
      "eventbridge",
      "rule",
    ]);
  });

  it("takes the queue name from the ARN, and none from a placeholder", () => {
    const event = sqsEventWithBodies("x");
    expect(detectSqs(event).key).toBe("my-queue");
    const placeholder = { Records: [{ ...event.Records[0]!, eventSourceARN: "queue-ARN" }] };
    expect(detectSqs(placeholder).key).toBeNull();
  });

  it("names the record whose body is not a string", () => {
    expectMalformed(() => detectSqs(sqsEventWithBodies("ok", 42)), "Records[1].body");
  });

  it("names a missing queue ARN", () => {
    const { eventSourceARN, ...record } = sqsEventWithBodies("x").Records[0]!;
    expectMalformed(
      () => detectSqs({ Records: [record] } as unknown as SQSEvent),
      "Records[0].eventSourceARN",
    );
  });

  it("names the mistyped field of an SNS envelope", () => {
    const event = sqsEventWithBodies(JSON.stringify(snsEnvelope({ TopicArn: 7 })));
    expectMalformed(() => detectSqs(event), "JSON.parse(Records[0].body).TopicArn");
  });

  it("names an S3-subject message that is not S3's JSON", () => {
    const envelope = snsEnvelope({ Subject: "Amazon S3 Notification", Message: "not json" });
    expectMalformed(
      () => detectSqs(sqsEventWithBodies(JSON.stringify(envelope))),
      "JSON.parse(JSON.parse(Records[0].body).Message)",
    );
  });
});

describe("SNS envelopes in SQS bodies", () => {
  const envelope = snsEnvelope() as unknown as SnsEnvelope;

  it("become the SNS event Lambda would have delivered", () => {
    const event = snsEventFromEnvelope(envelope);
    expect(isSnsEvent(event)).toBe(true);
    expect(event.Records[0]).toEqual({
      EventVersion: "1.0",
      EventSubscriptionArn:
        "arn:aws:sns:eu-west-1:231436140809:powertools265:15189ad7-870e-40e5-a7dd-a48898cd9f86",
      EventSource: "aws:sns",
      Sns: {
        Type: "Notification",
        MessageId: envelope.MessageId,
        TopicArn: envelope.TopicArn,
        Message: envelope.Message,
        Timestamp: envelope.Timestamp,
        SignatureVersion: envelope.SignatureVersion,
        Signature: envelope.Signature,
        SigningCertUrl: envelope.SigningCertURL,
        UnsubscribeUrl: envelope.UnsubscribeURL,
        MessageAttributes: {},
      },
    });
    expect(detectSns(event).key).toBe("powertools265");
  });

  it("keep a subject and message attributes", () => {
    const attributes = { color: { Type: "String", Value: "red" } };
    const event = snsEventFromEnvelope({
      ...envelope,
      Subject: "hello",
      MessageAttributes: attributes,
    });
    expect(event.Records[0]?.Sns).toMatchObject({
      Subject: "hello",
      MessageAttributes: attributes,
    });
  });

  it("must name their subscription in the unsubscribe URL", () => {
    const noArn = { ...envelope, UnsubscribeURL: "https://sns.eu-west-1.amazonaws.com/" };
    expectMalformed(() => snsEventFromEnvelope(noArn), "UnsubscribeURL");
    expectMalformed(
      () => snsEventFromEnvelope({ ...envelope, UnsubscribeURL: "::" }),
      "UnsubscribeURL",
    );
  });

  it("must carry well-formed message attributes", () => {
    const attributes = { color: { Type: "String", Value: 3 } };
    expectMalformed(
      () => snsEventFromEnvelope({ ...envelope, MessageAttributes: attributes } as never),
      "MessageAttributes.color.Value",
    );
  });
});
