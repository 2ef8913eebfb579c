import type { S3Event } from "aws-lambda";
import { Fields, firstRecord } from "./fields.js";

export const S3_EVENT_SOURCE = "aws:s3";

/**
 * S3 sets `eventSource: "aws:s3"` on every record of a bucket notification, whether it invokes
 * the function directly or travels in an SQS body or SNS message; no other service uses it.
 */
export function isS3Event(event: unknown): event is S3Event {
  return firstRecord(event)?.eventSource === S3_EVENT_SOURCE;
}

/** An S3 notification, delivered directly or unwrapped, routed by bucket name. */
export interface S3Source {
  readonly kind: "s3";
  readonly event: S3Event;
  readonly key: string;
}

/** Each notification comes from one bucket's configuration, so its first record names it. */
export function s3BucketName(event: S3Event, path = ""): string {
  return Fields.of(event, path).item("Records", 0).object("s3").object("bucket").string("name");
}

export function detectS3(event: S3Event, path = ""): S3Source {
  return { kind: "s3", event, key: s3BucketName(event, path) };
}
