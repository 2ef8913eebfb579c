import {
  CreateBucketCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, rawRequest, type S3Emulator, startS3Emulator } from "./s3-harness.js";

const BUCKET = "list-bucket";
const KEYS = [
  "photos/2024/a.jpg",
  "photos/2024/b.jpg",
  "photos/2025/c.jpg",
  "photos/cover.png",
  "readme.md",
  "space key+plus.txt",
  "ü.txt",
];
let s3: S3Emulator;
let client: S3Client;

beforeAll(async () => {
  s3 = await startS3Emulator();
  client = s3.client();
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const Key of [...KEYS].reverse()) {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }));
  }
});
afterAll(() => s3.close());

const listV2 = (extra: object = {}) =>
  client.send(new ListObjectsV2Command({ Bucket: BUCKET, ...extra }));

describe("ListObjectsV2", () => {
  it("lists every key in UTF-8 order with its size, ETag and storage class", async () => {
    const result = await listV2();
    expect(result.Contents?.map((object) => object.Key)).toEqual(KEYS);
    expect(result).toMatchObject({ KeyCount: 7, MaxKeys: 1000, IsTruncated: false, Name: BUCKET });
    expect(result.Contents?.[0]).toMatchObject({
      Size: "photos/2024/a.jpg".length,
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      StorageClass: "STANDARD",
      LastModified: new Date("2024-05-01T12:00:00.000Z"),
    });
    expect(result.Contents?.[0]?.Owner).toBeUndefined();
    expect((await listV2({ FetchOwner: true })).Contents?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rolls keys up into common prefixes at the delimiter", async () => {
    const top = await listV2({ Delimiter: "/" });
    expect(top.Contents?.map((object) => object.Key)).toEqual(KEYS.slice(4));
    expect(top.CommonPrefixes).toEqual([{ Prefix: "photos/" }]);
    const photos = await listV2({ Prefix: "photos/", Delimiter: "/" });
    expect(photos.Contents?.map((object) => object.Key)).toEqual(["photos/cover.png"]);
    expect(photos.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual([
      "photos/2024/",
      "photos/2025/",
    ]);
    expect(photos.KeyCount).toBe(3);
  });

  it("pages with continuation tokens, counting common prefixes as keys", async () => {
    const pages: { keys: string[]; prefixes: string[] }[] = [];
    for await (const page of paginateListObjectsV2(
      { client },
      { Bucket: BUCKET, Delimiter: "/", MaxKeys: 2 },
    )) {
      pages.push({
        keys: page.Contents?.map((object) => object.Key!) ?? [],
        prefixes: page.CommonPrefixes?.map((prefix) => prefix.Prefix!) ?? [],
      });
    }
    expect(pages.flatMap((page) => [...page.prefixes, ...page.keys])).toEqual([
      "photos/",
      "readme.md",
      "space key+plus.txt",
      "ü.txt",
    ]);
    expect(pages.map((page) => page.keys.length + page.prefixes.length)).toEqual([2, 2]);
  });

  it("starts after a key", async () => {
    const result = await listV2({ StartAfter: "photos/cover.png" });
    expect(result.Contents?.map((object) => object.Key)).toEqual(KEYS.slice(4));
    expect(result.StartAfter).toBe("photos/cover.png");
  });

  it("URL-encodes keys and prefixes with encoding-type=url", async () => {
    const result = await listV2({ EncodingType: "url", Prefix: "space key", Delimiter: "+" });
    expect(result.EncodingType).toBe("url");
    expect(result.Prefix).toBe("space+key");
    expect(result.Delimiter).toBe("%2B");
    expect(result.CommonPrefixes).toEqual([{ Prefix: "space+key%2B" }]);
    const all = await listV2({ EncodingType: "url" });
    expect(all.Contents?.map((object) => object.Key)).toContain("%C3%BC.txt");
  });

  it("refuses a made-up continuation token and bad parameters", async () => {
    const token = await failure(listV2({ ContinuationToken: "made-up" }));
    expect(token).toMatchObject({
      name: "InvalidArgument",
      message: "The continuation token provided is incorrect",
      ArgumentName: "continuation-token",
    });
    const list = (query: string) =>
      s3.service.handle(rawRequest("GET", `/${BUCKET}`, { query: `list-type=2&${query}` }));
    await expect(list("max-keys=ten")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(list("max-keys=-1")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(list("encoding-type=base64")).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("answers NoSuchBucket for a missing bucket", async () => {
    const error = await failure(
      client.send(new ListObjectsV2Command({ Bucket: "no-bucket-here" })),
    );
    expect(error.name).toBe("NoSuchBucket");
  });
});

describe("ListObjects (version 1)", () => {
  it("pages with markers; NextMarker is given when a delimiter is", async () => {
    const first = await client.send(
      new ListObjectsCommand({ Bucket: BUCKET, Delimiter: "/", MaxKeys: 1 }),
    );
    expect(first).toMatchObject({ IsTruncated: true, NextMarker: "photos/" });
    expect(first.CommonPrefixes).toEqual([{ Prefix: "photos/" }]);
    const second = await client.send(
      new ListObjectsCommand({ Bucket: BUCKET, Delimiter: "/", Marker: first.NextMarker }),
    );
    expect(second.Contents?.map((object) => object.Key)).toEqual(KEYS.slice(4));
    expect(second.Contents?.[0]?.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const plain = await client.send(new ListObjectsCommand({ Bucket: BUCKET, MaxKeys: 2 }));
    expect(plain).toMatchObject({ IsTruncated: true });
    expect(plain.NextMarker).toBeUndefined();
  });
});
