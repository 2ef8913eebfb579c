import { invalidBucketName } from "./s3-errors.js";

const SHAPE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** Prefixes and suffixes S3 reserves for its own names (access points, aliases, demos...). */
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** The naming rules of general purpose buckets (S3 User Guide, "Bucket naming rules"). */
function isValidBucketName(name: string): boolean {
  return (
    SHAPE.test(name) &&
    !name.includes("..") &&
    !IP_ADDRESS.test(name) &&
    !RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)) &&
    !RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix))
  );
}

/** Throws S3's `InvalidBucketName` for a name CreateBucket would refuse. */
export function checkBucketName(name: string): string {
  if (!isValidBucketName(name)) throw invalidBucketName(name);
  return name;
}
