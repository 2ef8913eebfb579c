import type { Bucket } from "./bucket.js";
import { CHECKSUM_ALGORITHMS, checksumHeader } from "./checksums.js";
import { readPayload } from "./request-payload.js";
import type { BucketCall, ObjectCall, S3Context, S3Operation } from "./s3-context.js";
import { invalidRequest, malformedXml } from "./s3-errors.js";
import { checkVersionId } from "./versioning.js";
import { childElements, childText, parseXml } from "./xml-reader.js";
import { xmlNode, xmlResponse, xmlText } from "./xml-writer.js";

const MAX_KEYS_PER_DELETE = 1000;

/** DeleteObject succeeds whether or not the key exists, and S3 notifies the deletion either way. */
export const deleteObject: S3Operation<ObjectCall> = (ctx, { request, bucket: name, key }) => {
  const bucket = ctx.store.bucket(name);
  checkVersionId(request.query.get("versionId"));
  removeObject(ctx, bucket, key);
  return { statusCode: 204 };
};

function removeObject(ctx: S3Context, bucket: Bucket, key: string): void {
  bucket.deleteObject(key);
  ctx.notifier.notify(bucket, { eventName: "ObjectRemoved:Delete", key });
}

/**
 * DeleteObjects: up to 1000 keys in a `<Delete>` document, which S3 only accepts with an
 * integrity header (`Content-MD5` or an `x-amz-checksum-*` one, the SDK's default). The result
 * lists each deletion unless `<Quiet>` asks for the errors only.
 */
export const deleteObjects: S3Operation<BucketCall> = (ctx, { request, bucket: name }) => {
  const bucket = ctx.store.bucket(name);
  if (!hasIntegrityHeader(request.headers)) {
    throw invalidRequest("Missing required header for this request: Content-MD5");
  }
  const root = parseXml(readPayload(request).data.toString("utf8"));
  const objects = childElements(root, "Object");
  if (root.name !== "Delete" || objects.length === 0 || objects.length > MAX_KEYS_PER_DELETE) {
    throw malformedXml();
  }
  const quiet = childText(root, "Quiet")?.trim().toLowerCase() === "true";
  const results = objects.map((object) => {
    const key = childText(object, "Key");
    if (key === undefined || key === "") throw malformedXml();
    const versionId = childText(object, "VersionId");
    if (versionId !== undefined && versionId !== "null") {
      return xmlNode(
        "Error",
        xmlText("Key", key),
        xmlText("VersionId", versionId),
        xmlText("Code", "NoSuchVersion"),
        xmlText("Message", "The specified version does not exist."),
      );
    }
    removeObject(ctx, bucket, key);
    return quiet ? "" : xmlNode("Deleted", xmlText("Key", key), xmlText("VersionId", versionId));
  });
  return xmlResponse("DeleteResult", results);
};

function hasIntegrityHeader(headers: Readonly<Record<string, string | undefined>>): boolean {
  return (
    headers["content-md5"] !== undefined ||
    headers["x-amz-trailer"] !== undefined ||
    CHECKSUM_ALGORITHMS.some((algorithm) => headers[checksumHeader(algorithm)] !== undefined)
  );
}
