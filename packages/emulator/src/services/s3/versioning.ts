import { invalidArgument } from "./s3-errors.js";

/**
 * Emulated buckets are unversioned; S3 then knows each object's one version as `null` and
 * refuses any other version id.
 */
export function checkVersionId(versionId: string | null | undefined): void {
  if (versionId !== null && versionId !== undefined && versionId !== "null") {
    throw invalidArgument("Invalid version id specified", "versionId", versionId);
  }
}
