import { createHash } from "node:crypto";
import type { Bucket } from "./bucket.js";
import { checksumHeader } from "./checksums.js";
import {
  assembleParts,
  MAX_PART_NUMBER,
  type MultipartUpload,
  type RequestedPart,
  type UploadedPart,
} from "./multipart-upload.js";
import { metadataFromRequest } from "./object-headers.js";
import { checkKey, readCopySource, storeObject } from "./object-write-operations.js";
import { readPayload } from "./request-payload.js";
import type { ObjectCall, S3Operation } from "./s3-context.js";
import { invalidArgument, malformedXml, noSuchUpload } from "./s3-errors.js";
import { quotedETag, wholeSeconds } from "./stored-object.js";
import { childElements, childText, parseXml, type XmlElement } from "./xml-reader.js";
import { xmlNode, xmlResponse, xmlText, xmlTime } from "./xml-writer.js";

const MAX_PARTS_PER_PAGE = 1000;

export const createMultipartUpload: S3Operation<ObjectCall> = (ctx, { request, bucket, key }) => {
  const { uploads } = ctx.store.bucket(bucket);
  checkKey(key);
  const upload: MultipartUpload = {
    uploadId: ctx.newId(),
    key,
    initiated: wholeSeconds(ctx.clock.now()),
    metadata: metadataFromRequest(request.headers),
    parts: new Map(),
  };
  uploads.set(upload.uploadId, upload);
  return xmlResponse("InitiateMultipartUploadResult", [
    xmlText("Bucket", bucket),
    xmlText("Key", key),
    xmlText("UploadId", upload.uploadId),
  ]);
};

/** UploadPart, and UploadPartCopy when `x-amz-copy-source` names the bytes to copy. */
export const uploadPart: S3Operation<ObjectCall> = (ctx, call) => {
  const { request } = call;
  const upload = findUpload(ctx.store.bucket(call.bucket), call);
  const partNumber = readPartNumber(request.query.get("partNumber"));
  const lastModified = wholeSeconds(ctx.clock.now());
  if (request.headers["x-amz-copy-source"] !== undefined) {
    const source = readCopySource(ctx, request).object.body;
    const body = copyRange(source, request.headers["x-amz-copy-source-range"]);
    const eTag = createHash("md5").update(body).digest("hex");
    upload.parts.set(partNumber, { partNumber, body, eTag, lastModified });
    return xmlResponse("CopyPartResult", [
      xmlText("LastModified", xmlTime(lastModified)),
      xmlText("ETag", quotedETag(eTag)),
    ]);
  }
  const payload = readPayload(request);
  const part: UploadedPart = {
    partNumber,
    body: payload.data,
    eTag: payload.md5,
    lastModified,
    ...(payload.checksum && { checksum: payload.checksum }),
  };
  upload.parts.set(partNumber, part);
  return {
    statusCode: 200,
    headers: {
      etag: quotedETag(part.eTag),
      ...(part.checksum && { [checksumHeader(part.checksum.algorithm)]: part.checksum.value }),
    },
  };
};

export const completeMultipartUpload: S3Operation<ObjectCall> = (ctx, call) => {
  const { request, key } = call;
  const bucket = ctx.store.bucket(call.bucket);
  const upload = findUpload(bucket, call);
  const root = parseXml(readPayload(request).data.toString("utf8"));
  if (root.name !== "CompleteMultipartUpload") throw malformedXml();
  const { body, eTag } = assembleParts(upload, childElements(root, "Part").map(requestedPart));
  bucket.uploads.delete(upload.uploadId);
  storeObject(
    ctx,
    bucket,
    { key, body, eTag, lastModified: wholeSeconds(ctx.clock.now()), metadata: upload.metadata },
    "ObjectCreated:CompleteMultipartUpload",
  );
  const host = request.headers.host ?? "localhost";
  return xmlResponse("CompleteMultipartUploadResult", [
    xmlText("Location", `http://${host}/${bucket.name}/${encodeURIComponent(key)}`),
    xmlText("Bucket", bucket.name),
    xmlText("Key", key),
    xmlText("ETag", quotedETag(eTag)),
  ]);
};

export const abortMultipartUpload: S3Operation<ObjectCall> = (ctx, call) => {
  const bucket = ctx.store.bucket(call.bucket);
  bucket.uploads.delete(findUpload(bucket, call).uploadId);
  return { statusCode: 204 };
};

export const listParts: S3Operation<ObjectCall> = (ctx, call) => {
  const { query } = call.request;
  const upload = findUpload(ctx.store.bucket(call.bucket), call);
  const marker = Number(query.get("part-number-marker") ?? 0);
  const maxParts = Math.min(
    Number(query.get("max-parts") ?? MAX_PARTS_PER_PAGE),
    MAX_PARTS_PER_PAGE,
  );
  if (!Number.isInteger(marker) || !Number.isInteger(maxParts) || maxParts < 0) {
    throw invalidArgument(
      "Invalid part listing arguments",
      "max-parts",
      String(query.get("max-parts")),
    );
  }
  const after = [...upload.parts.values()]
    .filter((part) => part.partNumber > marker)
    .sort((a, b) => a.partNumber - b.partNumber);
  const page = after.slice(0, maxParts);
  return xmlResponse("ListPartsResult", [
    xmlText("Bucket", call.bucket),
    xmlText("Key", upload.key),
    xmlText("UploadId", upload.uploadId),
    xmlText("PartNumberMarker", marker),
    xmlText("NextPartNumberMarker", page.at(-1)?.partNumber ?? marker),
    xmlText("MaxParts", maxParts),
    xmlText("IsTruncated", after.length > page.length),
    ...page.map((part) =>
      xmlNode(
        "Part",
        xmlText("PartNumber", part.partNumber),
        xmlText("LastModified", xmlTime(part.lastModified)),
        xmlText("ETag", quotedETag(part.eTag)),
        xmlText("Size", part.body.length),
      ),
    ),
    xmlText("StorageClass", upload.metadata.storageClass),
  ]);
};

/** The upload named by `uploadId`, which must be for the addressed key. */
function findUpload(bucket: Bucket, { request, key }: ObjectCall): MultipartUpload {
  const uploadId = request.query.get("uploadId") ?? "";
  const upload = bucket.uploads.get(uploadId);
  if (!upload || upload.key !== key) throw noSuchUpload(uploadId);
  return upload;
}

function readPartNumber(value: string | null): number {
  const partNumber = Number(value);
  if (
    value === null ||
    !Number.isInteger(partNumber) ||
    partNumber < 1 ||
    partNumber > MAX_PART_NUMBER
  ) {
    throw invalidArgument(
      `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`,
      "partNumber",
      String(value),
    );
  }
  return partNumber;
}

function requestedPart(part: XmlElement): RequestedPart {
  const partNumber = Number(childText(part, "PartNumber")?.trim());
  const eTag = childText(part, "ETag");
  if (!Number.isInteger(partNumber) || eTag === undefined) throw malformedXml();
  return { partNumber, eTag };
}

/** `x-amz-copy-source-range: bytes=first-last`, which must lie within the source. */
function copyRange(source: Buffer, header: string | undefined): Buffer {
  if (header === undefined) return source;
  const match = /^bytes=(\d+)-(\d+)$/.exec(header.trim());
  const first = Number(match?.[1]);
  const last = Number(match?.[2]);
  if (!match || first > last || last >= source.length) {
    throw invalidArgument(
      `Range specified is not valid for source object of size: ${source.length}`,
      "x-amz-copy-source-range",
      header,
    );
  }
  return source.subarray(first, last + 1);
}
