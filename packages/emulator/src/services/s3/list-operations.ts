import { encodeS3EventKey } from "@domovoi/runtime/matching";
import { type Listing, listObjects } from "./object-listing.js";
import type { BucketCall, S3Operation } from "./s3-context.js";
import { invalidArgument } from "./s3-errors.js";
import { quotedETag, type StoredObject } from "./stored-object.js";
import { xmlNode, xmlResponse, xmlText, xmlTime } from "./xml-writer.js";

const MAX_KEYS = 1000;
const MAX_INT32 = 2 ** 31 - 1;

/** GET on a bucket: ListObjectsV2 when `list-type=2`, else the original ListObjects. */
export const listBucket: S3Operation<BucketCall> = (ctx, call) =>
  call.request.query.get("list-type") === "2" ? listObjectsV2(ctx, call) : listObjectsV1(ctx, call);

const listObjectsV2: S3Operation<BucketCall> = (ctx, { request: { query }, bucket: name }) => {
  const bucket = ctx.store.bucket(name);
  const common = readCommonParameters(query);
  const token = query.get("continuation-token");
  const startAfter = query.get("start-after") ?? undefined;
  const after = token === null ? startAfter : readContinuationToken(token, name);
  const listing = listObjects(bucket, { ...common, ...(after !== undefined && { after }) });
  const encode = encoder(common.encodingType);
  const withOwner = query.get("fetch-owner") === "true";
  return xmlResponse("ListBucketResult", [
    xmlText("Name", name),
    xmlText("Prefix", encode(common.prefix)),
    xmlText("ContinuationToken", token ?? undefined),
    xmlText("StartAfter", encode(startAfter)),
    xmlText("KeyCount", listing.objects.length + listing.commonPrefixes.length),
    xmlText("MaxKeys", common.requestedMaxKeys),
    xmlText("Delimiter", encode(common.delimiter)),
    xmlText("EncodingType", common.encodingType),
    xmlText("IsTruncated", listing.isTruncated),
    ...renderEntries(listing, encode, withOwner ? ctx.ownerId : undefined),
    xmlText("NextContinuationToken", nextToken(listing, name)),
  ]);
};

const listObjectsV1: S3Operation<BucketCall> = (ctx, { request: { query }, bucket: name }) => {
  const bucket = ctx.store.bucket(name);
  const common = readCommonParameters(query);
  const marker = query.get("marker") ?? "";
  const listing = listObjects(bucket, { ...common, ...(marker !== "" && { after: marker }) });
  const encode = encoder(common.encodingType);
  // Without a delimiter the last key is the next marker, and S3 leaves the client to read it.
  const nextMarker = listing.isTruncated && common.delimiter ? listing.last : undefined;
  return xmlResponse("ListBucketResult", [
    xmlText("Name", name),
    xmlText("Prefix", encode(common.prefix)),
    xmlText("Marker", encode(marker)),
    xmlText("NextMarker", encode(nextMarker)),
    xmlText("MaxKeys", common.requestedMaxKeys),
    xmlText("Delimiter", encode(common.delimiter)),
    xmlText("EncodingType", common.encodingType),
    xmlText("IsTruncated", listing.isTruncated),
    ...renderEntries(listing, encode, ctx.ownerId),
  ]);
};

interface CommonParameters {
  readonly prefix: string;
  readonly delimiter?: string;
  readonly maxKeys: number;
  /** What the caller asked for; S3 echoes it even where it lists at most 1000 keys. */
  readonly requestedMaxKeys: number;
  readonly encodingType?: "url";
}

function readCommonParameters(query: URLSearchParams): CommonParameters {
  const delimiter = query.get("delimiter") || undefined;
  const encodingType = query.get("encoding-type");
  if (encodingType !== null && encodingType !== "url") {
    throw invalidArgument(
      "Invalid Encoding Method specified in Request",
      "encoding-type",
      encodingType,
    );
  }
  const requestedMaxKeys = readMaxKeys(query.get("max-keys"));
  return {
    prefix: query.get("prefix") ?? "",
    ...(delimiter !== undefined && { delimiter }),
    maxKeys: Math.min(requestedMaxKeys, MAX_KEYS),
    requestedMaxKeys,
    ...(encodingType === "url" && { encodingType }),
  };
}

function readMaxKeys(value: string | null): number {
  if (value === null) return MAX_KEYS;
  const maxKeys = Number(value);
  if (!/^-?\d+$/.test(value) || maxKeys > MAX_INT32) {
    throw invalidArgument(
      "Provided max-keys not an integer or within integer range",
      "max-keys",
      value,
    );
  }
  if (maxKeys < 0) {
    throw invalidArgument(
      "Argument maxKeys must be an integer between 0 and 2147483647",
      "maxKeys",
      value,
    );
  }
  return maxKeys;
}

/** With `encoding-type=url`, keys and prefixes are form-encoded as in notifications. */
function encoder(encodingType: "url" | undefined) {
  return (value: string | undefined) =>
    value === undefined || encodingType === undefined ? value : encodeS3EventKey(value);
}

function renderEntries(
  listing: Listing,
  encode: (value: string) => string | undefined,
  ownerId: string | undefined,
): string[] {
  return [
    ...listing.objects.map((object) => renderObject(object, encode, ownerId)),
    ...listing.commonPrefixes.map((prefix) =>
      xmlNode("CommonPrefixes", xmlText("Prefix", encode(prefix))),
    ),
  ];
}

function renderObject(
  object: StoredObject,
  encode: (value: string) => string | undefined,
  ownerId: string | undefined,
): string {
  return xmlNode(
    "Contents",
    xmlText("Key", encode(object.key)),
    xmlText("LastModified", xmlTime(object.lastModified)),
    xmlText("ETag", quotedETag(object.eTag)),
    xmlText("ChecksumAlgorithm", object.checksum?.algorithm),
    xmlText("Size", object.body.length),
    ownerId === undefined ? "" : xmlNode("Owner", xmlText("ID", ownerId)),
    xmlText("StorageClass", object.metadata.storageClass),
  );
}

/**
 * Continuation tokens are opaque to clients; this one holds the bucket and the last entry listed,
 * so that a token from elsewhere or a made-up one is refused as S3 refuses it.
 */
function nextToken(listing: Listing, bucket: string): string | undefined {
  if (!listing.isTruncated || listing.last === undefined) return undefined;
  return Buffer.from(JSON.stringify([bucket, listing.last])).toString("base64url");
}

function readContinuationToken(token: string, bucket: string): string {
  const decoded = parseJson(Buffer.from(token, "base64url").toString("utf8"));
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    decoded[0] !== bucket ||
    typeof decoded[1] !== "string"
  ) {
    throw invalidArgument(
      "The continuation token provided is incorrect",
      "continuation-token",
      token,
    );
  }
  return decoded[1];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
