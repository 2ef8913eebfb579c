import { invalidRange } from "./s3-errors.js";

/** A range of bytes, both ends included, as `Content-Range` writes it. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * Reads a `Range` header as S3 does: one range (`bytes=a-b`, `bytes=a-`, `bytes=-n`); a header
 * it cannot read, or one with several ranges, is ignored and the whole object is returned; a
 * range that starts beyond the object is S3's `InvalidRange` (416).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  const match = header === undefined ? null : SINGLE_RANGE.exec(header.trim());
  if (!match) return undefined;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return undefined;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw invalidRange(header!, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start) return undefined;
  if (start >= size) throw invalidRange(header!, size);
  return { start, end: Math.min(end, size - 1) };
}
