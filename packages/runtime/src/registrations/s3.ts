import type { S3Event } from "aws-lambda";
import type { Handler } from "../context.js";
import { RegistrationError } from "../errors.js";
import type { S3Delivery, S3Registration } from "../manifest.js";
import {
  checkS3NotificationFilter,
  compileS3NotificationFilter,
} from "../matching/s3-filter/index.js";
import type { MethodSpec } from "./arguments.js";
import { checkBoolean, describe } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";

export interface S3Options {
  readonly name?: string;
  readonly bucket: string;
  /** Notification event types; default `["s3:ObjectCreated:*"]`. */
  readonly events?: readonly string[];
  /** Key prefix and suffix, written URL-encoded as S3 compares them. */
  readonly prefix?: string;
  readonly suffix?: string;
  /** Deliver through an SNS topic Domovoi owns (default true), so other subscribers can join. */
  readonly useSns?: boolean;
  /** Deliver through an SQS queue Domovoi owns (after the topic when `useSns` is also set). */
  readonly useSqs?: boolean;
  /** Deliver through EventBridge instead of a bucket notification configuration. */
  readonly useEventBridge?: boolean;
}

export type S3Handler = Handler<S3Event>;

export const S3_EVENT_HANDLER: MethodSpec<S3Options> = {
  method: "s3EventHandler",
  options: ["name", "bucket", "events", "prefix", "suffix", "useSns", "useSqs", "useEventBridge"],
};

// S3's bucket naming rules (general purpose buckets): 3-63 characters, lower-case letters,
// digits, dots and hyphens, starting and ending with a letter or digit, no `..`, not an IP.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;

export function s3Registration(options: S3Options, handler: S3Handler): RegistrationOf<"s3"> {
  const bucket = checkBucket(options.bucket);
  const where = `s3EventHandler(${JSON.stringify(bucket)})`;
  const events = options.events ?? ["s3:ObjectCreated:*"];
  if (!Array.isArray(events)) {
    throw new RegistrationError(`${where}: events must be an array of S3 event types.`);
  }
  const filter = checkS3NotificationFilter({
    events,
    ...(options.prefix !== undefined && { prefix: options.prefix }),
    ...(options.suffix !== undefined && { suffix: options.suffix }),
  });
  const key = [bucket, filter.prefix, filter.suffix].filter(Boolean).join("-");
  const manifest: S3Registration = {
    kind: "s3",
    name: registrationName({ where, explicit: options.name, handler, kind: "s3", key }),
    key: bucket,
    options: { ...filter, delivery: delivery(where, options) },
  };
  const matches = compileS3NotificationFilter(filter);
  return { kind: "s3", manifest, handler: handler as RegisteredHandler, matches };
}

function checkBucket(bucket: unknown): string {
  if (
    typeof bucket !== "string" ||
    !BUCKET.test(bucket) ||
    bucket.includes("..") ||
    IP_ADDRESS.test(bucket)
  ) {
    throw new RegistrationError(
      `s3EventHandler: bucket must be a valid S3 bucket name (3-63 lower-case letters, digits, '.' and '-'), got ${describe(bucket)}.`,
    );
  }
  return bucket;
}

function delivery(where: string, options: S3Options): S3Delivery {
  const useSns = checkBoolean(options.useSns ?? true, `${where} useSns`);
  const useSqs = checkBoolean(options.useSqs ?? false, `${where} useSqs`);
  if (checkBoolean(options.useEventBridge ?? false, `${where} useEventBridge`)) {
    if (options.useSns === true || useSqs) {
      throw new RegistrationError(
        `${where}: useEventBridge replaces the bucket's notification configuration; it cannot be combined with useSns or useSqs.`,
      );
    }
    return "eventbridge";
  }
  if (useSns) return useSqs ? "sns-sqs" : "sns";
  return useSqs ? "sqs" : "direct";
}
