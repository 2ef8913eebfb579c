import type { AwsRequest } from "../service.js";
import { invalidUri } from "./s3-errors.js";

/** Which bucket and object a request addresses; neither for the service itself (ListBuckets). */
export interface S3Address {
  readonly bucket?: string;
  readonly key?: string;
}

/** Hosts that name the S3 endpoint itself: AWS's, and the loopback names the emulator answers. */
const ENDPOINT = String.raw`s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?|s3\.localhost|localhost`;
const ENDPOINT_HOST = new RegExp(`^(?:${ENDPOINT})$`);
/** The shortest bucket in front of an endpoint, so that `a.b.s3.localhost` is bucket `a.b`. */
const VIRTUAL_HOST = new RegExp(`^(.+?)\\.(?:${ENDPOINT})$`);

/**
 * Reads the bucket and key from the path (`/bucket/key`) or, for virtual-hosted-style requests,
 * the bucket from the host (`bucket.localhost:4510`, `bucket.s3.localhost`) and the key from the
 * path. Each is percent-decoded exactly once, so a key may hold any UTF-8, `%` and `+` included.
 */
export function resolveAddress(request: Pick<AwsRequest, "path" | "headers">): S3Address {
  const hostBucket = bucketFromHost(request.headers.host ?? "");
  const path = request.path.slice(1);
  if (hostBucket !== undefined) return withKey(hostBucket, path);
  if (path === "") return {};
  const slash = path.indexOf("/");
  return slash === -1
    ? { bucket: decode(path) }
    : withKey(decode(path.slice(0, slash)), path.slice(slash + 1));
}

function withKey(bucket: string, encodedKey: string): S3Address {
  return encodedKey === "" ? { bucket } : { bucket, key: decode(encodedKey) };
}

export function bucketFromHost(host: string): string | undefined {
  const hostname = host.replace(/:\d+$/, "").toLowerCase();
  if (ENDPOINT_HOST.test(hostname)) return undefined;
  return VIRTUAL_HOST.exec(hostname)?.[1];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidUri();
  }
}
