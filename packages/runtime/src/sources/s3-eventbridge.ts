import type { S3Event, S3EventRecord, S3NotificationEvent } from "aws-lambda";
import { MalformedEventError } from "../errors.js";
import { encodeS3EventKey } from "../matching/s3-filter/key-encoding.js";
import { isEventBridgeEvent } from "./eventbridge.js";
import { Fields } from "./fields.js";
import { S3_EVENT_SOURCE, type S3Source } from "./s3.js";

const S3_SOURCE = "aws.s3";

type EventNameOf = (detail: Fields) => string;

const named =
  (eventName: string): EventNameOf =>
  () =>
    eventName;

/** `reason` tells which API created the object ("Using EventBridge", S3 User Guide). */
const OBJECT_CREATED_BY_REASON = {
  PutObject: "ObjectCreated:Put",
  "POST Object": "ObjectCreated:Post",
  CopyObject: "ObjectCreated:Copy",
  CompleteMultipartUpload: "ObjectCreated:CompleteMultipartUpload",
} as const;

/** `reason` tells an API call from a lifecycle expiration, `deletion-type` a delete marker. */
const OBJECT_DELETED_BY_REASON = {
  DeleteObject: {
    "Permanently Deleted": "ObjectRemoved:Delete",
    "Delete Marker Created": "ObjectRemoved:DeleteMarkerCreated",
  },
  "Lifecycle Expiration": {
    "Permanently Deleted": "LifecycleExpiration:Delete",
    "Delete Marker Created": "LifecycleExpiration:DeleteMarkerCreated",
  },
} as const;

/**
 * The S3 event name (as notification records spell it, without `s3:`) of each EventBridge
 * detail-type, from the table in the S3 User Guide's "Amazon EventBridge mapping and
 * troubleshooting". Other `aws.s3` detail-types (CloudTrail API calls, Async Copy Completion)
 * have no notification counterpart and stay plain EventBridge events.
 */
const EVENT_NAME_BY_DETAIL_TYPE: Readonly<Record<string, EventNameOf>> = {
  "Object Created": (detail) => detail.oneOf(OBJECT_CREATED_BY_REASON, "reason"),
  "Object Deleted": (detail) =>
    detail.oneOf(detail.oneOf(OBJECT_DELETED_BY_REASON, "reason"), "deletion-type"),
  "Object Restore Initiated": named("ObjectRestore:Post"),
  "Object Restore Completed": named("ObjectRestore:Completed"),
  "Object Restore Expired": named("ObjectRestore:Delete"),
  "Object Storage Class Changed": named("LifecycleTransition"),
  "Object Access Tier Changed": named("IntelligentTiering"),
  "Object Tags Added": named("ObjectTagging:Put"),
  "Object Tags Deleted": named("ObjectTagging:Delete"),
  "Object ACL Updated": named("ObjectAcl:Put"),
};

/**
 * Only S3 may put events with source `aws.s3`; the detail-types it uses for bucket notifications
 * are the ones S3 maps to notification event names.
 */
export function isS3EventBridgeEvent(event: unknown): event is S3NotificationEvent {
  return (
    isEventBridgeEvent(event) &&
    event.source === S3_SOURCE &&
    Object.hasOwn(EVENT_NAME_BY_DETAIL_TYPE, event["detail-type"])
  );
}

/**
 * Fields of a notification record that EventBridge events do not carry (the S3 host id and the
 * notification configuration's id: EventBridge delivery has no configuration). Empty rather than
 * invented.
 */
const NOT_CARRIED = "";

/**
 * The S3 notification (record structure version 2.1) that describes the same change as an S3
 * event delivered through EventBridge, so that a bucket's handler sees one shape however S3
 * reached it.
 */
export function s3EventFromEventBridge(event: S3NotificationEvent, path = ""): S3Event {
  return { Records: [s3RecordFromEventBridge(event, path)] };
}

export function detectS3FromEventBridge(event: S3NotificationEvent, path = ""): S3Source {
  const record = s3RecordFromEventBridge(event, path);
  return { kind: "s3", event: { Records: [record] }, key: record.s3.bucket.name };
}

function s3RecordFromEventBridge(event: S3NotificationEvent, path: string): S3EventRecord {
  const envelope = Fields.of(event, path);
  const detail = envelope.object("detail");
  const eventName = envelope.oneOf(EVENT_NAME_BY_DETAIL_TYPE, "detail-type")(detail);
  const requester = detail.string("requester");
  return {
    eventVersion: "2.1",
    eventSource: S3_EVENT_SOURCE,
    awsRegion: envelope.string("region"),
    eventTime: envelope.string("time"),
    eventName,
    userIdentity: { principalId: requester },
    // S3 reports its own lifecycle and restore work as coming from `s3.amazonaws.com`, which is
    // then also the requester; EventBridge leaves the address out for that work.
    requestParameters: { sourceIPAddress: detail.optionalString("source-ip-address") ?? requester },
    responseElements: {
      "x-amz-request-id": detail.string("request-id"),
      "x-amz-id-2": NOT_CARRIED,
    },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId: NOT_CARRIED,
      bucket: {
        name: detail.object("bucket").string("name"),
        ownerIdentity: { principalId: envelope.string("account") },
        arn: envelope.stringItem("resources", 0),
      },
      object: s3Object(detail.object("object")),
    },
    ...(eventName === "ObjectRestore:Completed" && { glacierEventData: restoreEventData(detail) }),
  };
}

function s3Object(object: Fields): S3EventRecord["s3"]["object"] {
  const size = object.optionalNumber("size");
  const eTag = object.optionalString("etag");
  const versionId = object.optionalString("version-id");
  const sequencer = object.optionalString("sequencer");
  // Notifications carry the key URL-encoded, EventBridge events carry it as it is. S3 omits size
  // and eTag from deletions, although @types/aws-lambda declares them always present.
  return {
    key: encodedKey(object),
    ...(size !== undefined && { size }),
    ...(eTag !== undefined && { eTag }),
    ...(versionId !== undefined && { versionId }),
    ...(sequencer !== undefined && { sequencer }),
  } as S3EventRecord["s3"]["object"];
}

function encodedKey(object: Fields): string {
  const key = object.string("key");
  try {
    return encodeS3EventKey(key);
  } catch (cause) {
    // URL-encoding fails only on a lone surrogate, which no S3 key (UTF-8) can contain.
    throw new MalformedEventError(
      object.pathOf("key"),
      "an object key in well-formed Unicode",
      "a string with a lone surrogate",
      { cause },
    );
  }
}

function restoreEventData(detail: Fields): S3EventRecord["glacierEventData"] {
  return {
    restoreEventData: {
      lifecycleRestorationExpiryTime: detail.string("restore-expiry-time"),
      lifecycleRestoreStorageClass: detail.string("source-storage-class"),
    },
  };
}
