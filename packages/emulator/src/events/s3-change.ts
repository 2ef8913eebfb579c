import { S3_EVENT_TYPES } from "@domovoi/runtime/matching";
import type { EventContext } from "./context.js";
import { base32Id, base64Id, hexId, iamUniqueId, uuidId } from "./ids.js";
import { checkBucketName } from "./names.js";
import type { Check, ParamReader } from "./params.js";

/** Parameters shared by every S3 event kind: what happened to which objects. */
export interface S3EventParams {
  readonly bucket: string;
  /** The object key as stored (not URL-encoded: the generator encodes it as S3 does). */
  readonly key?: string;
  /** Several objects: one notification each. */
  readonly keys?: readonly string[];
  /** A configurable event type such as `ObjectCreated:Put` (default) or `s3:ObjectRemoved:Delete`. */
  readonly eventName?: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly versionId?: string;
  readonly sequencer?: string;
  readonly configurationId?: string;
  readonly sourceIPAddress?: string;
  /** The storage class or access tier that restore, transition and tiering events report. */
  readonly storageClass?: string;
}

export const S3_CHANGE_FIELDS = [
  "bucket",
  "key",
  "keys",
  "eventName",
  "size",
  "eTag",
  "versionId",
  "sequencer",
  "configurationId",
  "sourceIPAddress",
  "storageClass",
];

/** The facts of one change to one object, from which every delivery form is written. */
export interface S3Change {
  readonly bucket: string;
  readonly key: string;
  /** Without the `s3:` prefix, as records spell it: `ObjectCreated:Put`. */
  readonly eventName: string;
  readonly family: S3EventFamily;
  readonly size: number;
  readonly eTag: string;
  readonly versionId?: string;
  readonly sequencer: string;
  readonly storageClass?: string;
  readonly configurationId: string;
  readonly principalId: string;
  readonly sourceIPAddress: string;
  readonly requestId: string;
  readonly hostId: string;
  readonly ownerId: string;
  readonly region: string;
  readonly time: Date;
}

/** How S3 describes a family of events: schema version, who acts, which object facts it knows. */
export interface S3EventFamily {
  readonly eventVersion: string;
  /** Lifecycle, replication and restore completion are done by S3 itself, not by a requester. */
  readonly byS3: boolean;
  readonly objectFacts: "size-and-etag" | "etag" | "none";
}

const FAMILIES: readonly (readonly [prefix: string, family: S3EventFamily])[] = [
  ["ObjectCreated:", { eventVersion: "2.1", byS3: false, objectFacts: "size-and-etag" }],
  ["ObjectRemoved:", { eventVersion: "2.1", byS3: false, objectFacts: "none" }],
  ["ObjectRestore:Post", { eventVersion: "2.1", byS3: false, objectFacts: "size-and-etag" }],
  ["ObjectRestore:Completed", { eventVersion: "2.1", byS3: true, objectFacts: "size-and-etag" }],
  ["ObjectRestore:Delete", { eventVersion: "2.3", byS3: true, objectFacts: "etag" }],
  [
    "ReducedRedundancyLostObject",
    { eventVersion: "2.1", byS3: true, objectFacts: "size-and-etag" },
  ],
  ["Replication:", { eventVersion: "2.2", byS3: true, objectFacts: "size-and-etag" }],
  ["LifecycleExpiration:", { eventVersion: "2.3", byS3: true, objectFacts: "none" }],
  ["LifecycleTransition", { eventVersion: "2.3", byS3: true, objectFacts: "size-and-etag" }],
  ["IntelligentTiering", { eventVersion: "2.3", byS3: true, objectFacts: "size-and-etag" }],
  ["ObjectTagging:", { eventVersion: "2.3", byS3: false, objectFacts: "etag" }],
  ["ObjectAcl:Put", { eventVersion: "2.3", byS3: false, objectFacts: "etag" }],
];

const CONCRETE_EVENT_NAMES = S3_EVENT_TYPES.filter((type) => !type.endsWith("*")).map((type) =>
  type.slice("s3:".length),
);

const checkKey: Check<string> = (key) =>
  key !== "" && Buffer.byteLength(key) <= 1024
    ? undefined
    : "object keys are 1 to 1024 bytes of UTF-8";

const checkETag: Check<string> = (eTag) =>
  /^[0-9a-f]{32}(-\d{1,5})?$/.test(eTag)
    ? undefined
    : "expected 32 hexadecimal digits, with -<parts> for a multipart upload";

const checkSequencer: Check<string> = (sequencer) =>
  /^[0-9A-Fa-f]{1,64}$/.test(sequencer) ? undefined : "sequencers are hexadecimal";

export function readS3Changes(reader: ParamReader, ctx: EventContext): S3Change[] {
  const bucket = reader.string("bucket", checkBucketName);
  reader.exclusive("key", "keys");
  const keys = reader.optionalStrings("keys", checkKey) ?? [reader.string("key", checkKey)];
  const eventName = readEventName(reader);
  const family = familyOf(eventName);
  const versionId = reader.optionalString("versionId");
  const storageClass = readStorageClass(reader, eventName);
  const common = {
    bucket,
    eventName,
    family,
    size: reader.optionalInteger("size", 0, 5 * 1024 ** 4) ?? 1024,
    ...(versionId !== undefined && { versionId }),
    ...(storageClass !== undefined && { storageClass }),
    configurationId: reader.optionalString("configurationId") ?? uuidId(ctx),
    principalId: family.byS3 ? "s3.amazonaws.com" : `AWS:${iamUniqueId(ctx, "AIDA")}`,
    sourceIPAddress: readSourceAddress(reader, family),
    ownerId: `A${base32Id(ctx, 13)}`,
    region: ctx.region,
    time: ctx.time,
  };
  const eTag = reader.optionalString("eTag", checkETag);
  const sequencer = reader.optionalString("sequencer", checkSequencer);
  return keys.map((key) => ({
    ...common,
    key,
    eTag: eTag ?? hexId(ctx, 32),
    sequencer: sequencer ?? defaultSequencer(ctx),
    requestId: hexId(ctx, 16).toUpperCase(),
    hostId: base64Id(ctx, 57),
  }));
}

/** S3 reports its own work (lifecycle, replication, restore completion) as coming from itself. */
function readSourceAddress(reader: ParamReader, family: S3EventFamily): string {
  if (!family.byS3) return reader.optionalString("sourceIPAddress") ?? "127.0.0.1";
  if (reader.has("sourceIPAddress")) reader.fail("sourceIPAddress", "S3 itself makes this change");
  return "s3.amazonaws.com";
}

function readEventName(reader: ParamReader): string {
  const given = reader.optionalString("eventName") ?? "ObjectCreated:Put";
  const eventName = given.startsWith("s3:") ? given.slice("s3:".length) : given;
  if (!CONCRETE_EVENT_NAMES.includes(eventName)) {
    reader.fail(
      "eventName",
      `${JSON.stringify(given)} is not an S3 event type (expected one of ${CONCRETE_EVENT_NAMES.join(", ")})`,
    );
  }
  return eventName;
}

const STORAGE_CLASSES = [
  "STANDARD",
  "REDUCED_REDUNDANCY",
  "STANDARD_IA",
  "ONEZONE_IA",
  "INTELLIGENT_TIERING",
  "GLACIER",
  "DEEP_ARCHIVE",
  "OUTPOSTS",
  "GLACIER_IR",
] as const;
const ACCESS_TIERS = ["ARCHIVE_ACCESS", "DEEP_ARCHIVE_ACCESS"] as const;
const REPORTS_STORAGE_CLASS = [
  "ObjectRestore:Post",
  "ObjectRestore:Completed",
  "LifecycleTransition",
];

function readStorageClass(reader: ParamReader, eventName: string): string | undefined {
  if (eventName === "IntelligentTiering") return reader.optionalEnum("storageClass", ACCESS_TIERS);
  if (REPORTS_STORAGE_CLASS.includes(eventName))
    return reader.optionalEnum("storageClass", STORAGE_CLASSES);
  if (reader.has("storageClass")) {
    reader.fail(
      "storageClass",
      "only restore, lifecycle transition and intelligent-tiering events report one",
    );
  }
  return undefined;
}

function familyOf(eventName: string): S3EventFamily {
  const entry = FAMILIES.find(([prefix]) => eventName.startsWith(prefix));
  if (entry === undefined) throw new Error(`S3 event type ${eventName} has no family`);
  return entry[1];
}

/** Sequencers are hexadecimal and grow with time for one key, which is what consumers compare. */
function defaultSequencer(ctx: EventContext): string {
  return `${ctx.time.getTime().toString(16).padStart(12, "0")}${hexId(ctx, 6)}`.toUpperCase();
}
