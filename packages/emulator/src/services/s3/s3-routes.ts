import type { AwsResponse } from "../service.js";
import {
  createBucket,
  deleteBucket,
  getBucketLocation,
  headBucket,
  listBuckets,
} from "./bucket-operations.js";
import { listBucket } from "./list-operations.js";
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listParts,
  uploadPart,
} from "./multipart-operations.js";
import {
  getBucketNotificationConfiguration,
  putBucketNotificationConfiguration,
} from "./notification-operations.js";
import { deleteObject, deleteObjects } from "./object-delete-operations.js";
import { getObject, headObject } from "./object-read-operations.js";
import { copyObject, putObject } from "./object-write-operations.js";
import type { BucketCall, ObjectCall, S3Call, S3Context, S3Operation } from "./s3-context.js";
import { notImplemented } from "./s3-errors.js";

/**
 * S3's subresources: query parameters that select an operation rather than parameterise it.
 * `uploadId` comes first, since UploadPart also carries `partNumber`.
 */
const SUBRESOURCES = [
  "uploadId",
  "uploads",
  "delete",
  "notification",
  "location",
  "partNumber",
  "acl",
  "tagging",
  "versioning",
  "versions",
  "policy",
  "policyStatus",
  "cors",
  "lifecycle",
  "website",
  "logging",
  "encryption",
  "replication",
  "requestPayment",
  "accelerate",
  "analytics",
  "inventory",
  "metrics",
  "intelligent-tiering",
  "object-lock",
  "ownershipControls",
  "publicAccessBlock",
  "legal-hold",
  "retention",
  "restore",
  "select",
  "attributes",
  "torrent",
  "session",
  "metadataTable",
  "metadataConfiguration",
];

/** PUT with `x-amz-copy-source` copies instead of uploading. */
const putOrCopyObject: S3Operation<ObjectCall> = (ctx, call) =>
  call.request.headers["x-amz-copy-source"] === undefined
    ? putObject(ctx, call)
    : copyObject(ctx, call);

const SERVICE_OPERATIONS: Readonly<Record<string, S3Operation>> = { GET: listBuckets };

const BUCKET_OPERATIONS: Readonly<Record<string, S3Operation<BucketCall>>> = {
  PUT: createBucket,
  DELETE: deleteBucket,
  HEAD: headBucket,
  GET: listBucket,
  "GET ?location": getBucketLocation,
  "GET ?notification": getBucketNotificationConfiguration,
  "PUT ?notification": putBucketNotificationConfiguration,
  "POST ?delete": deleteObjects,
};

const OBJECT_OPERATIONS: Readonly<Record<string, S3Operation<ObjectCall>>> = {
  PUT: putOrCopyObject,
  GET: getObject,
  HEAD: headObject,
  DELETE: deleteObject,
  "POST ?uploads": createMultipartUpload,
  "PUT ?uploadId": uploadPart,
  "POST ?uploadId": completeMultipartUpload,
  "DELETE ?uploadId": abortMultipartUpload,
  "GET ?uploadId": listParts,
};

/** Runs the operation a request names by its method, address and subresource. */
export async function routeS3(ctx: S3Context, call: S3Call): Promise<AwsResponse> {
  const { method, query } = call.request;
  const subresource = SUBRESOURCES.find((name) => query.has(name));
  const name = subresource === undefined ? method : `${method} ?${subresource}`;
  const { bucket, key } = call;
  if (bucket === undefined)
    return run(SERVICE_OPERATIONS[name], ctx, call, `${name} on the service`);
  if (key === undefined)
    return run(BUCKET_OPERATIONS[name], ctx, { ...call, bucket }, `${name} on a bucket`);
  return run(OBJECT_OPERATIONS[name], ctx, { ...call, bucket, key }, `${name} on an object`);
}

function run<Call extends S3Call>(
  operation: S3Operation<Call> | undefined,
  ctx: S3Context,
  call: Call,
  description: string,
): AwsResponse | Promise<AwsResponse> {
  if (!operation) throw notImplemented(`the S3 request ${description}`);
  return operation(ctx, call);
}
