import type { Clock } from "../../clock/clock.js";
import type { AwsRequest, AwsResponse } from "../service.js";
import type { S3Notifier } from "./s3-notifier.js";
import type { S3Store } from "./s3-store.js";

/** What every S3 operation works with: the state, the notifier and the emulator's clock. */
export interface S3Context {
  readonly store: S3Store;
  readonly notifier: S3Notifier;
  readonly clock: Clock;
  /** The canonical user id of the emulated account, which owns every bucket and object. */
  readonly ownerId: string;
  /** A fresh opaque identifier (upload ids, configuration ids). */
  newId(): string;
}

/** One request with the bucket and key it addresses. */
export interface S3Call {
  readonly request: AwsRequest;
  readonly bucket?: string;
  readonly key?: string;
}

/** A call that names a bucket, and one that names an object in it. */
export type BucketCall = S3Call & { readonly bucket: string };
export type ObjectCall = BucketCall & { readonly key: string };

export type S3Operation<Call extends S3Call = S3Call> = (
  ctx: S3Context,
  call: Call,
) => AwsResponse | Promise<AwsResponse>;
