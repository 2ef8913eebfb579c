import { AwsServiceError } from "../errors.js";
import type { AwsRequest } from "../service.js";
import { checksumHeader } from "./checksums.js";
import { type ObjectMetadata, quotedETag, type StoredObject } from "./stored-object.js";

/** The representation headers S3 stores with an object and returns on GET and HEAD. */
const STORED_HEADERS = [
  "content-type",
  "cache-control",
  "content-disposition",
  "content-encoding",
  "content-language",
  "expires",
  "x-amz-website-redirect-location",
] as const;

const USER_METADATA_PREFIX = "x-amz-meta-";
const MAX_USER_METADATA_BYTES = 2048;
/** S3 stores objects sent without a type as this. */
const DEFAULT_CONTENT_TYPE = "binary/octet-stream";

const STORAGE_CLASSES = new Set([
  "STANDARD",
  "REDUCED_REDUNDANCY",
  "STANDARD_IA",
  "ONEZONE_IA",
  "INTELLIGENT_TIERING",
  "GLACIER",
  "DEEP_ARCHIVE",
  "OUTPOSTS",
  "GLACIER_IR",
  "SNOW",
  "EXPRESS_ONEZONE",
]);

/** The metadata a PutObject, CopyObject (REPLACE) or CreateMultipartUpload request sets. */
export function metadataFromRequest(headers: AwsRequest["headers"]): ObjectMetadata {
  const stored: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = name === "content-encoding" ? contentEncoding(headers) : headers[name];
    if (value !== undefined) stored[name] = value;
  }
  stored["content-type"] ??= DEFAULT_CONTENT_TYPE;
  return { headers: stored, user: userMetadata(headers), storageClass: storageClass(headers) };
}

/** `aws-chunked` describes the transfer only: S3 does not keep it as the object's encoding. */
function contentEncoding(headers: AwsRequest["headers"]): string | undefined {
  const codings = (headers["content-encoding"] ?? "")
    .split(",")
    .map((coding) => coding.trim())
    .filter((coding) => coding !== "" && coding !== "aws-chunked");
  return codings.length > 0 ? codings.join(",") : undefined;
}

function userMetadata(headers: AwsRequest["headers"]): Record<string, string> {
  const user: Record<string, string> = {};
  let bytes = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(USER_METADATA_PREFIX) || value === undefined) continue;
    const key = name.slice(USER_METADATA_PREFIX.length);
    user[key] = value;
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (bytes > MAX_USER_METADATA_BYTES) {
    throw new AwsServiceError(
      "MetadataTooLarge",
      "Your metadata headers exceed the maximum allowed metadata size.",
      { fields: { Size: String(bytes), MaxSizeAllowed: String(MAX_USER_METADATA_BYTES) } },
    );
  }
  return user;
}

function storageClass(headers: AwsRequest["headers"]): string {
  const value = headers["x-amz-storage-class"] ?? "STANDARD";
  if (!STORAGE_CLASSES.has(value)) {
    throw new AwsServiceError(
      "InvalidStorageClass",
      "The storage class you specified is not valid",
      {
        fields: { StorageClassRequested: value },
      },
    );
  }
  return value;
}

/** What GET and HEAD answer about an object; the checksum only when the reader asked for it. */
export function objectHeaders(
  object: StoredObject,
  { withChecksum }: { withChecksum: boolean },
): Record<string, string> {
  const headers: Record<string, string> = {
    ...object.metadata.headers,
    etag: quotedETag(object.eTag),
    "last-modified": object.lastModified.toUTCString(),
    "accept-ranges": "bytes",
    // S3 has encrypted every new object with S3-managed keys since January 2023.
    "x-amz-server-side-encryption": "AES256",
  };
  for (const [name, value] of Object.entries(object.metadata.user)) {
    headers[`${USER_METADATA_PREFIX}${name}`] = value;
  }
  if (object.metadata.storageClass !== "STANDARD") {
    headers["x-amz-storage-class"] = object.metadata.storageClass;
  }
  if (withChecksum && object.checksum) {
    headers[checksumHeader(object.checksum.algorithm)] = object.checksum.value;
  }
  return headers;
}
