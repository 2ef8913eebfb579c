import type { Checksum } from "./checksums.js";

/** What S3 keeps of an object besides its bytes. */
export interface ObjectMetadata {
  /** `Content-Type` and the other representation headers S3 stores and returns, lower-case. */
  readonly headers: Readonly<Record<string, string>>;
  /** `x-amz-meta-*` values by lower-case name, without the prefix. */
  readonly user: Readonly<Record<string, string>>;
  readonly storageClass: string;
}

export interface StoredObject {
  readonly key: string;
  readonly body: Buffer;
  /** The hex MD5 of the body, or `<hex MD5 of the parts' MD5s>-<parts>` after a multipart upload. */
  readonly eTag: string;
  /** S3 keeps whole seconds, which is also what HTTP dates and conditional requests compare. */
  readonly lastModified: Date;
  readonly metadata: ObjectMetadata;
  /** The additional checksum the uploader sent, returned when a reader asks for it. */
  readonly checksum?: Checksum;
}

/** ETags travel quoted in headers and XML. */
export function quotedETag(eTag: string): string {
  return `"${eTag}"`;
}

/** S3 times have a resolution of one second. */
export function wholeSeconds(time: number): Date {
  return new Date(Math.floor(time / 1000) * 1000);
}
