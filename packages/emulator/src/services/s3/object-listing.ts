import type { Bucket } from "./bucket.js";
import { compareUtf8 } from "./sorted-keys.js";
import type { StoredObject } from "./stored-object.js";

export interface ListingQuery {
  readonly prefix: string;
  /** Keys containing it after the prefix roll up into one common prefix. */
  readonly delimiter?: string;
  /** List only what is ordered after this key or common prefix (start-after, marker, token). */
  readonly after?: string;
  readonly maxKeys: number;
}

export interface Listing {
  readonly objects: readonly StoredObject[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  /** The last key or common prefix listed, from which the next page continues. */
  readonly last?: string;
}

/**
 * One page of a bucket listing, in UTF-8 order: objects under `prefix` and, with a delimiter, the
 * common prefixes that stand for every key sharing them. Keys and common prefixes both count
 * against `maxKeys`. A page that ended on a common prefix continues after all of its keys.
 */
export function listObjects(bucket: Bucket, query: ListingQuery): Listing {
  const { prefix, delimiter, after, maxKeys } = query;
  const resume = after !== undefined && compareUtf8(after, prefix) >= 0;
  const objects: StoredObject[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  for (const object of bucket.objectsFrom(resume ? after : prefix, !resume)) {
    if (!object.key.startsWith(prefix)) break;
    const commonPrefix = delimiter ? rollUp(object.key, prefix, delimiter) : undefined;
    if (commonPrefix !== undefined && (commonPrefix === last || commonPrefix === after)) continue;
    if (objects.length + commonPrefixes.length === maxKeys) {
      return { objects, commonPrefixes, isTruncated: maxKeys > 0, ...(last && { last }) };
    }
    if (commonPrefix === undefined) objects.push(object);
    else commonPrefixes.push(commonPrefix);
    last = commonPrefix ?? object.key;
  }
  return { objects, commonPrefixes, isTruncated: false, ...(last && { last }) };
}

function rollUp(key: string, prefix: string, delimiter: string): string | undefined {
  const index = key.indexOf(delimiter, prefix.length);
  return index === -1 ? undefined : key.slice(0, index + delimiter.length);
}
