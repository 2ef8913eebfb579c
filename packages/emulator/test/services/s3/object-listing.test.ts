import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Bucket } from "../../../src/services/s3/bucket.js";
import { listObjects } from "../../../src/services/s3/object-listing.js";
import { compareUtf8 } from "../../../src/services/s3/sorted-keys.js";
import type { StoredObject } from "../../../src/services/s3/stored-object.js";

const sign = (n: number) => Math.sign(n);
const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Keys over a small alphabet, so prefixes and delimiters collide often. */
const keyArbitrary = fc
  .array(fc.constantFrom("a", "b", "/", "-", "é", "\uFFFD", "😀", "\uE000"), {
    minLength: 1,
    maxLength: 5,
  })
  .map((chars) => chars.join(""));

function bucketWith(keys: readonly string[]): Bucket {
  const bucket = new Bucket("bucket", "us-east-1", new Date(0));
  for (const key of keys) bucket.putObject(storedObject(key));
  return bucket;
}

function storedObject(key: string): StoredObject {
  return {
    key,
    body: Buffer.alloc(0),
    eTag: "d41d8cd98f00b204e9800998ecf8427e",
    lastModified: new Date(0),
    metadata: { headers: {}, user: {}, storageClass: "STANDARD" },
  };
}

/** The reference: every key under the prefix in UTF-8 order, rolled up at the delimiter. */
function referenceEntries(keys: readonly string[], prefix: string, delimiter: string | undefined) {
  const entries: string[] = [];
  for (const key of [...new Set(keys)].sort(utf8Order)) {
    if (!key.startsWith(prefix)) continue;
    const index = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const entry = index === -1 ? key : key.slice(0, index + delimiter!.length);
    if (entries.at(-1) !== entry) entries.push(entry);
  }
  return entries;
}

describe("compareUtf8", () => {
  it("orders strings as their UTF-8 bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        expect(sign(compareUtf8(a, b))).toBe(sign(utf8Order(a, b)));
      }),
      { numRuns: 500 },
    );
  });
});

describe("listObjects", () => {
  it("pages through exactly the reference listing, whatever the page size", () => {
    fc.assert(
      fc.property(
        fc.array(keyArbitrary, { maxLength: 25 }),
        fc.constantFrom("", "a", "a/", "é"),
        fc.constantFrom(undefined, "/", "-", "a/"),
        fc.integer({ min: 1, max: 6 }),
        (keys, prefix, delimiter, maxKeys) => {
          const bucket = bucketWith(keys);
          const listed: string[] = [];
          let after: string | undefined;
          for (let page = 0; page < 100; page++) {
            const listing = listObjects(bucket, {
              prefix,
              maxKeys,
              ...(delimiter && { delimiter }),
              ...(after !== undefined && { after }),
            });
            const entries = [...listing.objects.map((o) => o.key), ...listing.commonPrefixes];
            expect(entries.length).toBeLessThanOrEqual(maxKeys);
            listed.push(...entries.sort(utf8Order));
            if (!listing.isTruncated) break;
            after = listing.last;
          }
          expect(listed).toEqual(referenceEntries(keys, prefix, delimiter));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("starts after a key that is not in the bucket", () => {
    const bucket = bucketWith(["a", "b/1", "b/2", "c"]);
    const listing = listObjects(bucket, { prefix: "", delimiter: "/", after: "b/1", maxKeys: 10 });
    expect(listing.objects.map((o) => o.key)).toEqual(["c"]);
    expect(listing.commonPrefixes).toEqual(["b/"]);
  });

  it("lists nothing and is not truncated for max-keys 0", () => {
    expect(listObjects(bucketWith(["a"]), { prefix: "", maxKeys: 0 })).toMatchObject({
      objects: [],
      isTruncated: false,
    });
  });
});
