import type { S3NotificationEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/errors.js";
import {
  detectS3FromEventBridge,
  detectSource,
  isS3EventBridgeEvent,
  s3EventFromEventBridge,
} from "../../src/sources/index.js";
import { casesLabelled, loadEvent } from "./corpus.js";

/** What each fixture describes, in S3 notification terms (S3 User Guide mapping table). */
const EVENT_NAME_BY_FIXTURE: Record<string, string> = {
  "powertools/s3/eventbridge-object-created.json": "ObjectCreated:Put",
  "powertools/s3/eventbridge-object-deleted.json": "ObjectRemoved:DeleteMarkerCreated",
  "powertools/s3/eventbridge-object-expired.json": "LifecycleExpiration:DeleteMarkerCreated",
  "powertools/s3/eventbridge-object-restored.json": "ObjectRestore:Completed",
};

const created = () =>
  loadEvent<S3NotificationEvent>("powertools/s3/eventbridge-object-created.json");

function withDetail(detailType: string, detail: Record<string, unknown>): S3NotificationEvent {
  const event = created();
  return { ...event, "detail-type": detailType, detail: { ...event.detail, ...detail } } as never;
}

describe("S3 events from EventBridge (corpus)", () => {
  for (const entry of casesLabelled("s3-via-eventbridge")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isS3EventBridgeEvent(event)).toBe(true);
      const detected = detectS3FromEventBridge(event as unknown as S3NotificationEvent);
      expect(detected.key).toBe(entry.key);
      expect(detected.event.Records).toHaveLength(1);
      expect(detected.event.Records[0]?.eventName).toBe(EVENT_NAME_BY_FIXTURE[entry.file]);
    });
  }
});

describe("S3 events from EventBridge", () => {
  it("become the notification record S3 would have sent", () => {
    expect(s3EventFromEventBridge(created())).toEqual({
      Records: [
        {
          eventVersion: "2.1",
          eventSource: "aws:s3",
          awsRegion: "eu-west-1",
          eventTime: "2023-03-08T17:50:14Z",
          eventName: "ObjectCreated:Put",
          userIdentity: { principalId: "123456789012" },
          requestParameters: { sourceIPAddress: "34.252.34.74" },
          responseElements: { "x-amz-request-id": "57H08PA84AB1JZW0", "x-amz-id-2": "" },
          s3: {
            s3SchemaVersion: "1.0",
            configurationId: "",
            bucket: {
              name: "example-bucket",
              ownerIdentity: { principalId: "123456789012" },
              arn: "arn:aws:s3:::example-bucket",
            },
            object: {
              key: "IMG_m7fzo3.jpg",
              size: 184662,
              eTag: "4e68adba0abe2dc8653dc3354e14c01d",
              sequencer: "006408CAD69598B05E",
            },
          },
        },
      ],
    });
  });

  const mapping: [detailType: string, detail: Record<string, string>, eventName: string][] = [
    ["Object Created", { reason: "PutObject" }, "ObjectCreated:Put"],
    ["Object Created", { reason: "POST Object" }, "ObjectCreated:Post"],
    ["Object Created", { reason: "CopyObject" }, "ObjectCreated:Copy"],
    [
      "Object Created",
      { reason: "CompleteMultipartUpload" },
      "ObjectCreated:CompleteMultipartUpload",
    ],
    [
      "Object Deleted",
      { reason: "DeleteObject", "deletion-type": "Permanently Deleted" },
      "ObjectRemoved:Delete",
    ],
    [
      "Object Deleted",
      { reason: "DeleteObject", "deletion-type": "Delete Marker Created" },
      "ObjectRemoved:DeleteMarkerCreated",
    ],
    [
      "Object Deleted",
      { reason: "Lifecycle Expiration", "deletion-type": "Permanently Deleted" },
      "LifecycleExpiration:Delete",
    ],
    [
      "Object Deleted",
      { reason: "Lifecycle Expiration", "deletion-type": "Delete Marker Created" },
      "LifecycleExpiration:DeleteMarkerCreated",
    ],
    ["Object Restore Initiated", {}, "ObjectRestore:Post"],
    [
      "Object Restore Completed",
      { "restore-expiry-time": "2021-11-13T00:00:00Z", "source-storage-class": "GLACIER" },
      "ObjectRestore:Completed",
    ],
    ["Object Restore Expired", {}, "ObjectRestore:Delete"],
    ["Object Storage Class Changed", {}, "LifecycleTransition"],
    ["Object Access Tier Changed", {}, "IntelligentTiering"],
    ["Object Tags Added", {}, "ObjectTagging:Put"],
    ["Object Tags Deleted", {}, "ObjectTagging:Delete"],
    ["Object ACL Updated", {}, "ObjectAcl:Put"],
  ];
  for (const [detailType, detail, eventName] of mapping) {
    it(`maps ${detailType} ${JSON.stringify(detail)} to ${eventName}`, () => {
      const event = withDetail(detailType, detail);
      expect(isS3EventBridgeEvent(event)).toBe(true);
      expect(s3EventFromEventBridge(event).Records[0]?.eventName).toBe(eventName);
    });
  }

  it("carries the restore details of a completed restore", () => {
    const event = loadEvent<S3NotificationEvent>("powertools/s3/eventbridge-object-restored.json");
    expect(s3EventFromEventBridge(event).Records[0]?.glacierEventData).toEqual({
      restoreEventData: {
        lifecycleRestorationExpiryTime: "2021-11-13T00:00:00Z",
        lifecycleRestoreStorageClass: "GLACIER",
      },
    });
  });

  it("leaves out what EventBridge leaves out, and names S3 as the source of its own work", () => {
    const event = loadEvent<S3NotificationEvent>("powertools/s3/eventbridge-object-expired.json");
    const record = s3EventFromEventBridge(event).Records[0]!;
    expect(record.requestParameters.sourceIPAddress).toBe("s3.amazonaws.com");
    const deleted = loadEvent<S3NotificationEvent>("powertools/s3/eventbridge-object-deleted.json");
    expect(s3EventFromEventBridge(deleted).Records[0]?.s3.object).toEqual({
      key: "IMG_m7fzo3.jpg",
      sequencer: "006408CAD69598B05E",
    });
  });

  it("URL-encodes the object key as notifications do", () => {
    const event = created();
    const object = { ...event.detail.object, key: "my photos/a+b (1).jpg", "version-id": "v1" };
    const record = s3EventFromEventBridge({
      ...event,
      detail: { ...event.detail, object },
    } as never).Records[0]!;
    expect(record.s3.object).toMatchObject({ key: "my+photos/a%2Bb+%281%29.jpg", versionId: "v1" });
  });

  it("names a reason S3 does not send", () => {
    const run = () => s3EventFromEventBridge(withDetail("Object Created", { reason: "Teleport" }));
    expect(run).toThrow(MalformedEventError);
    expect(run).toThrow(expect.objectContaining({ path: "detail.reason", found: '"Teleport"' }));
    const deletion = withDetail("Object Deleted", { reason: "DeleteObject", "deletion-type": "?" });
    expect(() => s3EventFromEventBridge(deletion)).toThrow(
      expect.objectContaining({ path: "detail.deletion-type" }),
    );
  });

  it("leaves aws.s3 events without a notification counterpart to EventBridge", () => {
    for (const detailType of ["Async Copy Completion", "AWS API Call via CloudTrail"]) {
      const event = withDetail(detailType, {});
      expect(isS3EventBridgeEvent(event)).toBe(false);
      expect(detectSource(event)).toMatchObject({
        kind: "eventbridge",
        key: `aws.s3|${detailType}`,
      });
    }
  });
});
