import { createHash } from "node:crypto";
import type { Checksum } from "./checksums.js";
import { entityTooSmall, invalidPart, invalidPartOrder, malformedXml } from "./s3-errors.js";
import type { ObjectMetadata } from "./stored-object.js";

export interface UploadedPart {
  readonly partNumber: number;
  readonly body: Buffer;
  /** The hex MD5 of the part, unquoted. */
  readonly eTag: string;
  readonly lastModified: Date;
  readonly checksum?: Checksum;
}

/** An upload in progress: the metadata the object will have and the parts received so far. */
export interface MultipartUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly initiated: Date;
  readonly metadata: ObjectMetadata;
  readonly parts: Map<number, UploadedPart>;
}

/** A part as CompleteMultipartUpload lists it. */
export interface RequestedPart {
  readonly partNumber: number;
  readonly eTag: string;
}

export const MAX_PART_NUMBER = 10_000;
/** Every part but the last must hold at least 5 MiB. */
const MIN_PART_SIZE = 5 * 1024 * 1024;

/**
 * The object CompleteMultipartUpload makes of the listed parts, checked as S3 checks them:
 * ascending part numbers, each uploaded with the ETag given, each but the last at least 5 MiB.
 * Its ETag is the MD5 of the parts' binary MD5s followed by `-<number of parts>`.
 */
export function assembleParts(
  upload: MultipartUpload,
  requested: readonly RequestedPart[],
): { body: Buffer; eTag: string } {
  if (requested.length === 0) throw malformedXml();
  const parts = requested.map((wanted, index) => {
    if (index > 0 && wanted.partNumber <= requested[index - 1]!.partNumber) {
      throw invalidPartOrder();
    }
    const part = upload.parts.get(wanted.partNumber);
    if (!part || part.eTag !== unquote(wanted.eTag)) throw invalidPart();
    return part;
  });
  for (const part of parts.slice(0, -1)) {
    if (part.body.length < MIN_PART_SIZE) throw entityTooSmall(part.body.length, MIN_PART_SIZE);
  }
  const digests = Buffer.concat(parts.map((part) => Buffer.from(part.eTag, "hex")));
  return {
    body: Buffer.concat(parts.map((part) => part.body)),
    eTag: `${createHash("md5").update(digests).digest("hex")}-${parts.length}`,
  };
}

function unquote(eTag: string): string {
  return eTag.trim().replace(/^"(.*)"$/, "$1");
}
