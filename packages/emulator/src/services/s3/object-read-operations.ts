import type { AwsResponse } from "../service.js";
import { parseRange } from "./byte-range.js";
import { objectHeaders } from "./object-headers.js";
import { evaluateReadConditions } from "./preconditions.js";
import type { ObjectCall, S3Context, S3Operation } from "./s3-context.js";
import { noSuchKey } from "./s3-errors.js";
import { quotedETag, type StoredObject } from "./stored-object.js";
import { checkVersionId } from "./versioning.js";

/** Query parameters of a GET that override a response header for that response only. */
const RESPONSE_OVERRIDES = [
  "content-type",
  "content-language",
  "expires",
  "cache-control",
  "content-disposition",
  "content-encoding",
] as const;

export const getObject: S3Operation<ObjectCall> = (ctx, call) => readObject(ctx, call, true);

export const headObject: S3Operation<ObjectCall> = (ctx, call) => readObject(ctx, call, false);

/**
 * GET and HEAD: conditional requests answered with 304 or 412, one byte range answered with 206
 * and `Content-Range`, and the stored checksum only for a whole object a reader asked it for
 * (`x-amz-checksum-mode: ENABLED`, which the SDK sends to verify what it receives).
 */
function readObject(ctx: S3Context, call: ObjectCall, withBody: boolean): AwsResponse {
  const { request } = call;
  const object = findObject(ctx, call);
  const condition = evaluateReadConditions(object, request.headers);
  if (condition !== "proceed") {
    return {
      statusCode: 304,
      headers: {
        etag: quotedETag(object.eTag),
        "last-modified": object.lastModified.toUTCString(),
      },
    };
  }
  const size = object.body.length;
  const range = parseRange(request.headers.range, size);
  const headers = {
    ...objectHeaders(object, {
      withChecksum: range === undefined && request.headers["x-amz-checksum-mode"] === "ENABLED",
    }),
    ...responseOverrides(request.query),
  };
  const body = range ? object.body.subarray(range.start, range.end + 1) : object.body;
  if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
  if (!withBody) headers["content-length"] = String(body.length);
  // An empty buffer rather than no body: the server leaves a buffer's content type as it is.
  return { statusCode: range ? 206 : 200, headers, body: withBody ? body : Buffer.alloc(0) };
}

/** The addressed object, or S3's `NoSuchKey`. */
function findObject(ctx: S3Context, { request, bucket, key }: ObjectCall): StoredObject {
  checkVersionId(request.query.get("versionId"));
  const object = ctx.store.bucket(bucket).getObject(key);
  if (!object) throw noSuchKey(key);
  return object;
}

function responseOverrides(query: URLSearchParams): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const header of RESPONSE_OVERRIDES) {
    const value = query.get(`response-${header}`);
    if (value !== null) overrides[header] = value;
  }
  return overrides;
}
