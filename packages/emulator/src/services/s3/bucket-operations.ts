import type { AwsRequest } from "../service.js";
import { checkBucketName } from "./bucket-names.js";
import { readPayload } from "./request-payload.js";
import type { BucketCall, S3Operation } from "./s3-context.js";
import {
  bucketAlreadyOwnedByYou,
  bucketNotEmpty,
  illegalLocationConstraint,
  invalidArgument,
  invalidLocationConstraint,
  malformedXml,
} from "./s3-errors.js";
import { compareUtf8 } from "./sorted-keys.js";
import { childText, parseXml } from "./xml-reader.js";
import { xmlNode, xmlResponse, xmlText, xmlTime } from "./xml-writer.js";

/** The region without a location constraint, whose endpoint may create buckets anywhere. */
const US_EAST_1 = "us-east-1";
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** The legacy constraint `EU` still creates buckets in Ireland. */
const LEGACY_CONSTRAINTS: Readonly<Record<string, string>> = { EU: "eu-west-1" };
const MAX_BUCKETS_PER_PAGE = 10_000;

export const createBucket: S3Operation<BucketCall> = (ctx, { request, bucket: name }) => {
  checkBucketName(name);
  const region = bucketRegion(locationConstraint(request), request.region);
  const existing = ctx.store.find(name);
  if (existing) {
    // For legacy compatibility, us-east-1 answers 200 to its owner re-creating a bucket there.
    if (request.region === US_EAST_1 && existing.region === US_EAST_1) return created(name);
    throw bucketAlreadyOwnedByYou(name);
  }
  ctx.store.create(name, region, new Date(ctx.clock.now()));
  return created(name);
};

const created = (name: string) => ({ statusCode: 200, headers: { location: `/${name}` } });

/** The `<LocationConstraint>` of the optional `<CreateBucketConfiguration>` body. */
function locationConstraint(request: AwsRequest): string | undefined {
  if (request.body.length === 0) return undefined;
  const root = parseXml(readPayload(request).data.toString("utf8"));
  if (root.name !== "CreateBucketConfiguration") throw malformedXml();
  const constraint = childText(root, "LocationConstraint")?.trim();
  return constraint === "" ? undefined : constraint;
}

/**
 * The region a bucket is created in: its location constraint, which a regional endpoint requires
 * to be its own region; the us-east-1 endpoint takes any, and no constraint means us-east-1.
 */
function bucketRegion(constraint: string | undefined, endpointRegion: string): string {
  if (constraint === US_EAST_1) throw invalidLocationConstraint(constraint);
  const region =
    constraint === undefined ? US_EAST_1 : (LEGACY_CONSTRAINTS[constraint] ?? constraint);
  if (!REGION.test(region)) throw invalidLocationConstraint(constraint ?? "");
  if (endpointRegion !== US_EAST_1 && region !== endpointRegion) {
    throw illegalLocationConstraint(constraint);
  }
  return region;
}

export const deleteBucket: S3Operation<BucketCall> = (ctx, { bucket: name }) => {
  const bucket = ctx.store.bucket(name);
  if (bucket.objectCount > 0) throw bucketNotEmpty(name);
  ctx.store.delete(name);
  return { statusCode: 204 };
};

export const headBucket: S3Operation<BucketCall> = (ctx, { bucket: name }) => ({
  statusCode: 200,
  headers: {
    "x-amz-bucket-region": ctx.store.bucket(name).region,
    "x-amz-access-point-alias": "false",
  },
});

export const getBucketLocation: S3Operation<BucketCall> = (ctx, { bucket: name }) => {
  const { region } = ctx.store.bucket(name);
  return xmlResponse("LocationConstraint", [region === US_EAST_1 ? "" : region]);
};

/** ListBuckets, with its prefix and region filters and its pages. */
export const listBuckets: S3Operation = (ctx, { request: { query } }) => {
  const prefix = query.get("prefix") ?? "";
  const region = query.get("bucket-region");
  const after = query.get("continuation-token");
  const pageSize = maxBuckets(query.get("max-buckets"));
  const matching = ctx.store
    .list()
    .filter(
      (bucket) =>
        bucket.name.startsWith(prefix) &&
        (region === null || bucket.region === region) &&
        (after === null || compareUtf8(bucket.name, after) > 0),
    );
  const page = matching.slice(0, pageSize);
  const next = matching.length > page.length ? page.at(-1)?.name : undefined;
  return xmlResponse("ListAllMyBucketsResult", [
    xmlNode("Owner", xmlText("ID", ctx.ownerId)),
    xmlNode(
      "Buckets",
      ...page.map((bucket) =>
        xmlNode(
          "Bucket",
          xmlText("Name", bucket.name),
          xmlText("CreationDate", xmlTime(bucket.creationDate)),
          xmlText("BucketRegion", bucket.region),
        ),
      ),
    ),
    xmlText("ContinuationToken", next),
    xmlText("Prefix", query.get("prefix") ?? undefined),
  ]);
};

function maxBuckets(value: string | null): number {
  if (value === null) return MAX_BUCKETS_PER_PAGE;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_BUCKETS_PER_PAGE) {
    throw invalidArgument(
      "Argument max-buckets must be an integer between 1 and 10000.",
      "max-buckets",
      value,
    );
  }
  return count;
}
