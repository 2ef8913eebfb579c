import type { EventBridgeEvent, S3NotificationEvent } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions, isoSeconds } from "./context.js";
import { uuidId } from "./ids.js";
import { ParamReader } from "./params.js";
import { readS3Changes, S3_CHANGE_FIELDS, type S3Change, type S3EventParams } from "./s3-change.js";

export type S3EventBridgeDetailType = S3NotificationEvent["detail-type"];

/** The `detail` S3 sends to EventBridge; which optional fields appear depends on the event. */
export interface S3EventBridgeDetail {
  readonly version: "0";
  readonly bucket: { readonly name: string };
  readonly object: {
    readonly key: string;
    readonly size?: number;
    readonly etag?: string;
    readonly "version-id"?: string;
    readonly sequencer?: string;
  };
  readonly "request-id": string;
  readonly requester: string;
  readonly "source-ip-address"?: string;
  readonly reason?: string;
  readonly "deletion-type"?: string;
  readonly "restore-expiry-time"?: string;
  readonly "source-storage-class"?: string;
  readonly "destination-storage-class"?: string;
  readonly "destination-access-tier"?: string;
}

export type S3EventBridgeEvent = EventBridgeEvent<S3EventBridgeDetailType, S3EventBridgeDetail>;

type ObjectField = "size" | "etag" | "sequencer";

interface DetailShape {
  readonly detailType: S3EventBridgeDetailType;
  readonly objectFields: readonly ObjectField[];
  readonly reason?: string;
  readonly deletionType?: string;
  readonly storageField?:
    | "source-storage-class"
    | "destination-storage-class"
    | "destination-access-tier";
  readonly defaultStorage?: string;
  readonly restoreExpiry?: boolean;
}

const created = (reason: string): DetailShape => ({
  detailType: "Object Created",
  objectFields: ["size", "etag", "sequencer"],
  reason,
});

const deleted = (
  reason: string,
  deletionType: string,
  objectFields: readonly ObjectField[],
): DetailShape => ({
  detailType: "Object Deleted",
  objectFields,
  reason,
  deletionType,
});

/** The EventBridge form of each configurable S3 event type (S3 User Guide, "EventBridge event message structure"). */
const SHAPES: Readonly<Record<string, DetailShape>> = {
  "ObjectCreated:Put": created("PutObject"),
  "ObjectCreated:Post": created("POST Object"),
  "ObjectCreated:Copy": created("CopyObject"),
  "ObjectCreated:CompleteMultipartUpload": created("CompleteMultipartUpload"),
  "ObjectRemoved:Delete": deleted("DeleteObject", "Permanently Deleted", ["sequencer"]),
  "ObjectRemoved:DeleteMarkerCreated": deleted("DeleteObject", "Delete Marker Created", [
    "sequencer",
  ]),
  "LifecycleExpiration:Delete": deleted("Lifecycle Expiration", "Permanently Deleted", [
    "size",
    "etag",
    "sequencer",
  ]),
  "LifecycleExpiration:DeleteMarkerCreated": deleted(
    "Lifecycle Expiration",
    "Delete Marker Created",
    ["size", "etag", "sequencer"],
  ),
  "ObjectRestore:Post": {
    detailType: "Object Restore Initiated",
    objectFields: ["size", "etag"],
    storageField: "source-storage-class",
    defaultStorage: "GLACIER",
  },
  "ObjectRestore:Completed": {
    detailType: "Object Restore Completed",
    // The corpus's real event carries a sequencer here; the User Guide's example does not.
    objectFields: ["size", "etag", "sequencer"],
    storageField: "source-storage-class",
    defaultStorage: "GLACIER",
    restoreExpiry: true,
  },
  "ObjectRestore:Delete": { detailType: "Object Restore Expired", objectFields: ["etag"] },
  "ObjectTagging:Put": { detailType: "Object Tags Added", objectFields: ["etag"] },
  "ObjectTagging:Delete": { detailType: "Object Tags Deleted", objectFields: ["etag"] },
  "ObjectAcl:Put": { detailType: "Object ACL Updated", objectFields: ["etag"] },
  LifecycleTransition: {
    detailType: "Object Storage Class Changed",
    objectFields: ["size", "etag"],
    storageField: "destination-storage-class",
    defaultStorage: "GLACIER",
  },
  IntelligentTiering: {
    detailType: "Object Access Tier Changed",
    objectFields: ["size", "etag"],
    storageField: "destination-access-tier",
    defaultStorage: "ARCHIVE_ACCESS",
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** An S3 change as the event S3 puts on the default bus (one object per event). */
export function generateS3ViaEventBridgeEvent(
  params: S3EventParams,
  options?: GeneratorOptions,
): S3EventBridgeEvent {
  const ctx = createContext("s3-via-eventbridge", options);
  const reader: ParamReader = ParamReader.of("s3-via-eventbridge", params, S3_CHANGE_FIELDS);
  const [change, ...others] = readS3Changes(reader, ctx);
  if (change === undefined || others.length > 0)
    reader.fail("keys", "EventBridge carries one object per event");
  const shape = SHAPES[change.eventName];
  if (shape === undefined)
    reader.fail("eventName", `S3 does not send ${change.eventName} events to EventBridge`);
  return {
    version: "0",
    id: uuidId(ctx),
    "detail-type": shape.detailType,
    source: "aws.s3",
    account: ctx.account,
    time: isoSeconds(change.time),
    region: change.region,
    resources: [`arn:aws:s3:::${change.bucket}`],
    detail: detail(change, shape, ctx),
  };
}

function detail(change: S3Change, shape: DetailShape, ctx: EventContext): S3EventBridgeDetail {
  const has = (field: ObjectField) => shape.objectFields.includes(field);
  const byS3 = change.family.byS3;
  return {
    version: "0",
    bucket: { name: change.bucket },
    object: {
      // Unlike notification records, EventBridge events carry the key as it is, not URL-encoded
      // (captured events show keys such as `raw/2023-08-08T14:03:40.532432.zip`).
      key: change.key,
      ...(has("size") && { size: change.size }),
      ...(has("etag") && { etag: change.eTag }),
      ...(change.versionId !== undefined && { "version-id": change.versionId }),
      ...(has("sequencer") && { sequencer: change.sequencer }),
    },
    "request-id": change.requestId,
    requester: byS3 ? "s3.amazonaws.com" : ctx.account,
    ...(!byS3 && { "source-ip-address": change.sourceIPAddress }),
    ...(shape.reason !== undefined && { reason: shape.reason }),
    ...(shape.deletionType !== undefined && { "deletion-type": shape.deletionType }),
    ...(shape.restoreExpiry === true && {
      "restore-expiry-time": isoSeconds(new Date(change.time.getTime() + DAY_MS)),
    }),
    ...(shape.storageField !== undefined && {
      [shape.storageField]: change.storageClass ?? shape.defaultStorage,
    }),
  };
}
