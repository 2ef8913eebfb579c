import { decodeS3EventKey, S3_EVENT_TYPES } from "@domovoi/runtime/matching";
import type { S3Event, S3NotificationEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { s3EventFromEventBridge } from "../../../runtime/src/sources/index.js";
import {
  generateS3Event,
  generateS3TestEvent,
  generateS3ViaEventBridgeEvent,
  generateS3ViaSnsEvent,
  generateS3ViaSnsViaSqsEvent,
  generateS3ViaSqsEvent,
} from "../../src/events/index.js";
import { snsMessages, sqsBodies } from "./samples.js";
import { fixedSources } from "./support.js";

const CONCRETE_TYPES = S3_EVENT_TYPES.filter((type) => !type.endsWith("*"));
/** S3 has no EventBridge form for these. */
const NOT_ON_EVENTBRIDGE = (type: string) =>
  type === "s3:ReducedRedundancyLostObject" || type.startsWith("s3:Replication:");

describe("generateS3Event", () => {
  it("URL-encodes keys as S3 does (a space becomes +)", () => {
    const [record] = generateS3Event(
      { bucket: "my-bucket", key: "photos/a b+c (1).jpg" },
      fixedSources(),
    ).Records;
    expect(record?.s3.object.key).toBe("photos/a+b%2Bc+%281%29.jpg");
    expect(decodeS3EventKey(record?.s3.object.key ?? "")).toBe("photos/a b+c (1).jpg");
  });

  it("describes an upload", () => {
    const [record] = generateS3Event(
      {
        bucket: "my-bucket",
        key: "k",
        size: 42,
        eTag: "d41d8cd98f00b204e9800998ecf8427e",
        versionId: "v1",
        sequencer: "0055AED6DCD90281E5",
      },
      fixedSources({ region: "eu-central-1" }),
    ).Records;
    expect(record).toMatchObject({
      eventVersion: "2.1",
      eventSource: "aws:s3",
      awsRegion: "eu-central-1",
      eventTime: "2024-05-01T12:00:00.123Z",
      eventName: "ObjectCreated:Put",
      s3: {
        s3SchemaVersion: "1.0",
        bucket: { name: "my-bucket", arn: "arn:aws:s3:::my-bucket" },
        object: {
          key: "k",
          size: 42,
          eTag: "d41d8cd98f00b204e9800998ecf8427e",
          versionId: "v1",
          sequencer: "0055AED6DCD90281E5",
        },
      },
    });
    expect(record?.userIdentity.principalId).toMatch(/^AWS:AIDA/);
    expect(record?.responseElements["x-amz-request-id"]).toMatch(/^[0-9A-F]{16}$/);
  });

  it.each(CONCRETE_TYPES)("writes a record for %s", (type) => {
    const [record] = generateS3Event(
      { bucket: "my-bucket", key: "k", eventName: type },
      fixedSources(),
    ).Records;
    expect(record?.eventName).toBe(type.slice("s3:".length));
    expect(record?.s3.object.sequencer).toMatch(/^[0-9A-F]+$/);
  });

  it("knows no size or ETag for a deletion, and that S3 itself expires objects", () => {
    const [record] = generateS3Event(
      { bucket: "my-bucket", key: "k", eventName: "LifecycleExpiration:Delete" },
      fixedSources(),
    ).Records;
    expect(record?.eventVersion).toBe("2.3");
    expect(record?.s3.object).not.toHaveProperty("size");
    expect(record?.s3.object).not.toHaveProperty("eTag");
    expect(record).toMatchObject({
      userIdentity: { principalId: "s3.amazonaws.com" },
      requestParameters: { sourceIPAddress: "s3.amazonaws.com" },
    });
  });

  it("adds the restore, transition and tiering data", () => {
    const event = (eventName: string, storageClass?: string) =>
      generateS3Event(
        { bucket: "my-bucket", key: "k", eventName, ...(storageClass && { storageClass }) },
        fixedSources(),
      ).Records[0];
    expect(event("ObjectRestore:Completed")).toMatchObject({
      glacierEventData: {
        restoreEventData: {
          lifecycleRestorationExpiryTime: "2024-05-02T12:00:00.123Z",
          lifecycleRestoreStorageClass: "GLACIER",
        },
      },
    });
    expect(event("LifecycleTransition", "DEEP_ARCHIVE")).toMatchObject({
      lifecycleEventData: { transitionEventData: { destinationStorageClass: "DEEP_ARCHIVE" } },
    });
    expect(event("IntelligentTiering")).toMatchObject({
      intelligentTieringEventData: { destinationAccessTier: "ARCHIVE_ACCESS" },
    });
    expect(event("Replication:OperationFailedReplication")).toMatchObject({
      replicationEventData: { failureReason: "AssumeRoleNotPermitted" },
    });
  });

  it("writes one record per key", () => {
    const event = generateS3Event({ bucket: "my-bucket", keys: ["a", "b"] }, fixedSources());
    expect(event.Records.map((record) => record.s3.object.key)).toEqual(["a", "b"]);
  });

  it.each([
    [
      "a wildcard event type",
      { bucket: "my-bucket", key: "k", eventName: "s3:ObjectCreated:*" },
      "eventName",
    ],
    [
      "an unknown event type",
      { bucket: "my-bucket", key: "k", eventName: "ObjectCreated:Upload" },
      "eventName",
    ],
    ["an upper-case bucket", { bucket: "MyBucket", key: "k" }, "bucket"],
    ["an IP-address bucket", { bucket: "192.168.1.1", key: "k" }, "bucket"],
    ["key and keys together", { bucket: "my-bucket", key: "k", keys: ["k"] }, "keys"],
    ["no key", { bucket: "my-bucket" }, "key"],
    ["an empty key", { bucket: "my-bucket", key: "" }, "key"],
    ["a malformed ETag", { bucket: "my-bucket", key: "k", eTag: "xyz" }, "eTag"],
    [
      "a sequencer that is not hexadecimal",
      { bucket: "my-bucket", key: "k", sequencer: "next" },
      "sequencer",
    ],
    [
      "a requester address on S3's own work",
      {
        bucket: "my-bucket",
        key: "k",
        eventName: "LifecycleTransition",
        sourceIPAddress: "1.2.3.4",
      },
      "sourceIPAddress",
    ],
    [
      "a storage class on an upload",
      { bucket: "my-bucket", key: "k", storageClass: "GLACIER" },
      "storageClass",
    ],
    [
      "an access tier that does not exist",
      { bucket: "my-bucket", key: "k", eventName: "IntelligentTiering", storageClass: "GLACIER" },
      "storageClass",
    ],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateS3Event(params as never, fixedSources())).toThrow(
      expect.objectContaining({ kind: "s3", param }),
    );
  });
});

describe("S3 notifications delivered through SNS and SQS", () => {
  it("publishes to SNS with S3's subject, one notification per key", () => {
    const event = generateS3ViaSnsEvent(
      { bucket: "my-bucket", keys: ["a", "b"], topic: "uploads" },
      fixedSources(),
    );
    expect(event.Records.map((record) => record.Sns.Subject)).toEqual([
      "Amazon S3 Notification",
      "Amazon S3 Notification",
    ]);
    const keys = (snsMessages(event) as S3Event[]).map(
      (message) => message.Records[0]?.s3.object.key,
    );
    expect(keys).toEqual(["a", "b"]);
  });

  it("queues the notification JSON in SQS", () => {
    const event = generateS3ViaSqsEvent(
      { bucket: "my-bucket", key: "a b", queue: "uploads" },
      fixedSources(),
    );
    expect((sqsBodies(event)[0] as S3Event).Records[0]?.s3.object.key).toBe("a+b");
  });

  it("wraps the notification in SNS's envelope when a topic feeds the queue", () => {
    const [body] = sqsBodies(
      generateS3ViaSnsViaSqsEvent(
        { bucket: "my-bucket", key: "k", topic: "t", queue: "q" },
        fixedSources(),
      ),
    );
    expect(body).toMatchObject({ Type: "Notification", Subject: "Amazon S3 Notification" });
    expect(JSON.parse((body as { Message: string }).Message).Records[0].eventSource).toBe("aws:s3");
  });

  it.each([
    [
      "a FIFO queue",
      () => generateS3ViaSqsEvent({ bucket: "my-bucket", key: "k", queue: "q.fifo" }),
      "queue",
    ],
    [
      "a FIFO topic",
      () => generateS3ViaSnsEvent({ bucket: "my-bucket", key: "k", topic: "t.fifo" }),
      "topic",
    ],
  ])("rejects %s, which S3 cannot notify", (_, attempt, param) => {
    expect(attempt).toThrow(expect.objectContaining({ param }));
  });
});

describe("generateS3ViaEventBridgeEvent", () => {
  it("sends the key as it is, unlike notification records", () => {
    const event = generateS3ViaEventBridgeEvent(
      { bucket: "my-bucket", key: "raw/2023-08-08T14:03:40.zip" },
      fixedSources(),
    );
    expect(event).toMatchObject({
      source: "aws.s3",
      "detail-type": "Object Created",
      time: "2024-05-01T12:00:00Z",
      resources: ["arn:aws:s3:::my-bucket"],
      detail: {
        version: "0",
        bucket: { name: "my-bucket" },
        object: { key: "raw/2023-08-08T14:03:40.zip" },
        reason: "PutObject",
      },
    });
  });

  // The runtime turns EventBridge events back into notification records: both must agree.
  it.each(CONCRETE_TYPES.filter((type) => !NOT_ON_EVENTBRIDGE(type)))(
    "round-trips %s through the runtime",
    (type) => {
      const params = { bucket: "my-bucket", key: "a b/c", eventName: type, versionId: "v1" };
      // @types/aws-lambda declares every detail field present; real events omit some.
      const event = generateS3ViaEventBridgeEvent(params, fixedSources()) as S3NotificationEvent;
      const [record] = s3EventFromEventBridge(event).Records;
      const [expected] = generateS3Event(params, fixedSources()).Records;
      expect(record?.eventName).toBe(expected?.eventName);
      expect(record?.s3.object.key).toBe(expected?.s3.object.key);
      expect(record?.s3.object.versionId).toBe("v1");
    },
  );

  it.each(CONCRETE_TYPES.filter(NOT_ON_EVENTBRIDGE))(
    "rejects %s, which S3 does not send to EventBridge",
    (type) => {
      expect(() =>
        generateS3ViaEventBridgeEvent({ bucket: "my-bucket", key: "k", eventName: type }),
      ).toThrow(expect.objectContaining({ param: "eventName" }));
    },
  );

  it("rejects several keys: an EventBridge event describes one object", () => {
    expect(() => generateS3ViaEventBridgeEvent({ bucket: "my-bucket", keys: ["a", "b"] })).toThrow(
      expect.objectContaining({ param: "keys" }),
    );
  });
});

describe("generateS3TestEvent", () => {
  it("queues S3's test message", () => {
    const [body] = sqsBodies(
      generateS3TestEvent({ bucket: "my-bucket", queue: "q" }, fixedSources()),
    );
    expect(body).toEqual({
      Service: "Amazon S3",
      Event: "s3:TestEvent",
      Time: "2024-05-01T12:00:00.123Z",
      Bucket: "my-bucket",
      RequestId: expect.stringMatching(/^[0-9A-F]{16}$/),
      HostId: expect.any(String),
    });
  });

  it.each([
    ["a topic when it goes to a queue", { bucket: "my-bucket", queue: "q", topic: "t" }, "topic"],
    [
      "a queue when it goes to a topic",
      { bucket: "my-bucket", via: "sns", topic: "t", queue: "q" },
      "queue",
    ],
    ["no topic when it goes to a topic", { bucket: "my-bucket", via: "sns" }, "topic"],
    ["an unknown route", { bucket: "my-bucket", via: "email" }, "via"],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateS3TestEvent(params as never)).toThrow(expect.objectContaining({ param }));
  });
});
