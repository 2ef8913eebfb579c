import { createHash } from "node:crypto";
import type { AwsRequest } from "../service.js";
import type { Bucket } from "./bucket.js";
import { checksumHeader } from "./checksums.js";
import { parseCopySource } from "./copy-source.js";
import { metadataFromRequest } from "./object-headers.js";
import { eTagMatches, evaluateReadConditions } from "./preconditions.js";
import { readPayload } from "./request-payload.js";
import type { ObjectCall, S3Context, S3Operation } from "./s3-context.js";
import {
  invalidArgument,
  invalidRequest,
  keyTooLong,
  noSuchKey,
  preconditionFailed,
} from "./s3-errors.js";
import type { ObjectEventName } from "./s3-notifier.js";
import { quotedETag, type StoredObject, wholeSeconds } from "./stored-object.js";
import { checkVersionId } from "./versioning.js";
import { xmlResponse, xmlText, xmlTime } from "./xml-writer.js";

const MAX_KEY_BYTES = 1024;
const SSE_HEADERS = { "x-amz-server-side-encryption": "AES256" };

export const putObject: S3Operation<ObjectCall> = (ctx, { request, bucket: name, key }) => {
  const bucket = ctx.store.bucket(name);
  checkKey(key);
  const payload = readPayload(request);
  checkWriteConditions(bucket.getObject(key), request.headers, key);
  const object: StoredObject = {
    key,
    body: payload.data,
    eTag: payload.md5,
    lastModified: wholeSeconds(ctx.clock.now()),
    metadata: metadataFromRequest(request.headers),
    ...(payload.checksum && { checksum: payload.checksum }),
  };
  storeObject(ctx, bucket, object, "ObjectCreated:Put");
  const checksum = payload.checksum;
  return {
    statusCode: 200,
    headers: {
      etag: quotedETag(object.eTag),
      ...SSE_HEADERS,
      ...(checksum && { [checksumHeader(checksum.algorithm)]: checksum.value }),
    },
  };
};

/** Writes an object and tells the bucket's notification destinations. */
export function storeObject(
  ctx: S3Context,
  bucket: Bucket,
  object: StoredObject,
  eventName: ObjectEventName,
): void {
  bucket.putObject(object);
  ctx.notifier.notify(bucket, {
    eventName,
    key: object.key,
    size: object.body.length,
    eTag: object.eTag,
  });
}

export function checkKey(key: string): void {
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw keyTooLong();
}

/** Conditional writes: `If-None-Match: *` creates only, `If-Match` replaces only that version. */
function checkWriteConditions(
  existing: StoredObject | undefined,
  headers: AwsRequest["headers"],
  key: string,
): void {
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch === "*" && existing) throw preconditionFailed("If-None-Match");
  const ifMatch = headers["if-match"];
  if (ifMatch === undefined) return;
  if (!existing) throw noSuchKey(key);
  if (!eTagMatches(ifMatch, existing.eTag)) throw preconditionFailed("If-Match");
}

/**
 * CopyObject: the source named by `x-amz-copy-source` (conditions on it included), with its
 * metadata (`COPY`, the default) or the request's (`REPLACE`). Copying an object onto itself
 * must change something, as S3 insists.
 */
export const copyObject: S3Operation<ObjectCall> = (ctx, { request, bucket: name, key }) => {
  const bucket = ctx.store.bucket(name);
  checkKey(key);
  const source = readCopySource(ctx, request);
  const directive = request.headers["x-amz-metadata-directive"] ?? "COPY";
  if (directive !== "COPY" && directive !== "REPLACE") {
    throw invalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
  }
  const requested = metadataFromRequest(request.headers);
  if (
    source.key === key &&
    source.bucketName === name &&
    directive === "COPY" &&
    !changesStorage(request)
  ) {
    throw invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const object: StoredObject = {
    key,
    body: source.object.body,
    // A copy is written in one piece, so a multipart source's ETag does not carry over.
    eTag: source.object.eTag.includes("-")
      ? createHash("md5").update(source.object.body).digest("hex")
      : source.object.eTag,
    lastModified: wholeSeconds(ctx.clock.now()),
    metadata:
      directive === "REPLACE"
        ? requested
        : { ...source.object.metadata, storageClass: requested.storageClass },
    ...(source.object.checksum && { checksum: source.object.checksum }),
  };
  storeObject(ctx, bucket, object, "ObjectCreated:Copy");
  return xmlResponse(
    "CopyObjectResult",
    [
      xmlText("LastModified", xmlTime(object.lastModified)),
      xmlText("ETag", quotedETag(object.eTag)),
    ],
    SSE_HEADERS,
  );
};

function changesStorage(request: AwsRequest): boolean {
  return [
    "x-amz-storage-class",
    "x-amz-website-redirect-location",
    "x-amz-server-side-encryption",
  ].some((header) => request.headers[header] !== undefined);
}

/** The object `x-amz-copy-source` names, after its `x-amz-copy-source-if-*` conditions. */
export function readCopySource(
  ctx: S3Context,
  request: AwsRequest,
): { bucketName: string; key: string; object: StoredObject } {
  const source = parseCopySource(request.headers["x-amz-copy-source"] ?? "");
  checkVersionId(source.versionId);
  const object = ctx.store.bucket(source.bucket).getObject(source.key);
  if (!object) throw noSuchKey(source.key);
  const condition = evaluateReadConditions(object, request.headers, "x-amz-copy-source-");
  if (condition !== "proceed") throw preconditionFailed(condition.notModified);
  return { bucketName: source.bucket, key: source.key, object };
}
