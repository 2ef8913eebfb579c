import type { AwsRequest } from "../service.js";
import { preconditionFailed } from "./s3-errors.js";
import type { StoredObject } from "./stored-object.js";

/** What a read answers: go ahead, or the condition by which the reader's copy is current. */
export type ReadCondition = "proceed" | { readonly notModified: string };

/**
 * Evaluates the conditional headers of a GET or HEAD (`If-Match`...) or of a copy source
 * (`x-amz-copy-source-if-match`..., with that `prefix`) as S3 does (RFC 7232): a failed
 * `If-Match` or `If-Unmodified-Since` is a 412 (the latter is ignored when `If-Match` holds); a
 * matching `If-None-Match` or an unmet `If-Modified-Since` means the reader's copy is current
 * (the latter is ignored when `If-None-Match` is given).
 */
export function evaluateReadConditions(
  object: StoredObject,
  headers: AwsRequest["headers"],
  prefix = "",
): ReadCondition {
  const name = (condition: string) => `${prefix}${condition}`;
  const header = (condition: string) => headers[name(condition).toLowerCase()];
  const ifNoneMatch = header("If-None-Match");
  const ifMatch = header("If-Match");
  if (ifMatch !== undefined) {
    if (!eTagMatches(ifMatch, object.eTag)) throw preconditionFailed(name("If-Match"));
  } else if (modifiedSince(object, header("If-Unmodified-Since")) === true) {
    throw preconditionFailed(name("If-Unmodified-Since"));
  }
  if (ifNoneMatch !== undefined) {
    return eTagMatches(ifNoneMatch, object.eTag)
      ? { notModified: name("If-None-Match") }
      : "proceed";
  }
  return modifiedSince(object, header("If-Modified-Since")) === false
    ? { notModified: name("If-Modified-Since") }
    : "proceed";
}

/** Whether a list of entity tags (`"a", "b"`, `W/"c"` or `*`) names the object's. */
export function eTagMatches(header: string, eTag: string): boolean {
  return header
    .split(",")
    .map((tag) =>
      tag
        .trim()
        .replace(/^W\//, "")
        .replace(/^"(.*)"$/, "$1"),
    )
    .some((tag) => tag === "*" || tag === eTag);
}

/** Whether the object changed after an HTTP date; undefined when there is no valid date. */
function modifiedSince(object: StoredObject, date: string | undefined): boolean | undefined {
  if (date === undefined) return undefined;
  const time = Date.parse(date);
  return Number.isNaN(time) ? undefined : object.lastModified.getTime() > time;
}
