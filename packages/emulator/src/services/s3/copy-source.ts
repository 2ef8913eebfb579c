import { invalidArgument } from "./s3-errors.js";

export interface CopySource {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
}

/**
 * Reads `x-amz-copy-source`: `[/]bucket/key[?versionId=id]`, URL-encoded by the caller (the SDK
 * sends the header as given). The key is decoded once; a `?` inside it arrives as `%3F`.
 */
export function parseCopySource(header: string): CopySource {
  const [path = "", query] = header.split("?", 2);
  const trimmed = path.startsWith("/") ? path.slice(1) : path;
  const slash = trimmed.indexOf("/");
  const bucket = slash > 0 ? decode(trimmed.slice(0, slash), header) : undefined;
  const key = slash > 0 ? decode(trimmed.slice(slash + 1), header) : undefined;
  if (!bucket || !key) throw invalidCopySource(header);
  const versionId = query === undefined ? undefined : new URLSearchParams(query).get("versionId");
  return { bucket, key, ...(versionId ? { versionId } : {}) };
}

function decode(text: string, header: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidCopySource(header);
  }
}

const invalidCopySource = (header: string) =>
  invalidArgument("Invalid copy source object key", "x-amz-copy-source", header);
