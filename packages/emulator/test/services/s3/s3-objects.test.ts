import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  type ChecksumAlgorithm,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, rawRequest, type S3Emulator, startS3Emulator } from "./s3-harness.js";

const BUCKET = "object-bucket";
let s3: S3Emulator;
let client: S3Client;

beforeAll(async () => {
  s3 = await startS3Emulator();
  client = s3.client();
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(() => s3.close());

const put = (Key: string, Body: string | Uint8Array | Readable, extra = {}) =>
  client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body, ...extra }));
const get = (Key: string, extra = {}) =>
  client.send(new GetObjectCommand({ Bucket: BUCKET, Key, ...extra }));
const md5 = (data: string | Buffer) => createHash("md5").update(data).digest();

describe("PutObject and GetObject", () => {
  it("stores bytes with their type, metadata and headers; the ETag is the quoted hex MD5", async () => {
    const body = Buffer.from([0, 1, 2, 255, 254]);
    const putResult = await put("binary.bin", body, {
      ContentType: "application/x-thing",
      CacheControl: "max-age=60",
      ContentDisposition: 'attachment; filename="b.bin"',
      Metadata: { Owner: "bartender", "two-words": "a b" },
    });
    expect(putResult.ETag).toBe(`"${md5(body).toString("hex")}"`);
    const object = await get("binary.bin");
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(body);
    expect(object).toMatchObject({
      ContentType: "application/x-thing",
      ContentLength: 5,
      CacheControl: "max-age=60",
      ContentDisposition: 'attachment; filename="b.bin"',
      Metadata: { owner: "bartender", "two-words": "a b" },
      ETag: putResult.ETag,
      LastModified: new Date("2024-05-01T12:00:00.000Z"),
      AcceptRanges: "bytes",
      ServerSideEncryption: "AES256",
    });
  });

  it("stores objects sent without a type as binary/octet-stream", async () => {
    await s3.service.handle(rawRequest("PUT", `/${BUCKET}/untyped`, { body: "x" }));
    expect((await get("untyped")).ContentType).toBe("binary/octet-stream");
  });

  it.each([
    "a b c.txt",
    "ü/😀/日本.txt",
    "100%/%20literal",
    "plus+sign",
    "?query#hash&amp;=",
    "back\\slash",
    "~!*'();:@$,[]",
    "/leading/slash",
    "trailing/",
    "dots/../and/./segments",
    "..",
  ])("keeps the key %j exactly", async (key) => {
    await put(key, key);
    expect(await (await get(key)).Body!.transformToString()).toBe(key);
    const virtual = await s3
      .client({ virtualHosted: true })
      .send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(await virtual.Body!.transformToString()).toBe(key);
  });

  it("decodes aws-chunked streaming uploads with trailing checksums", async () => {
    const chunks = [Buffer.alloc(70_000, 1), Buffer.alloc(3, 2)];
    const result = await put("streamed", Readable.from(chunks), { ContentLength: 70_003 });
    const expected = Buffer.concat(chunks);
    expect(result.ETag).toBe(`"${md5(expected).toString("hex")}"`);
    const object = await get("streamed");
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(expected);
    expect(object.ContentEncoding).toBeUndefined();
  });

  it.each(["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"] as ChecksumAlgorithm[])(
    "verifies and returns a %s checksum, which the SDK checks on the way back",
    async (algorithm) => {
      const key = `checksum-${algorithm}`;
      const result = await put(key, "checksummed", { ChecksumAlgorithm: algorithm });
      const field = `Checksum${algorithm}` as const;
      expect(result[field]).toBeDefined();
      const object = await get(key, { ChecksumMode: "ENABLED" });
      expect(object[field]).toBe(result[field]);
      expect(await object.Body!.transformToString()).toBe("checksummed");
    },
  );

  it("refuses a body that does not match its checksum or Content-MD5", async () => {
    const crc = await failure(put("bad", "data", { ChecksumCRC32: "AAAAAA==" }));
    expect(crc.name).toBe("BadDigest");
    expect(crc.message).toBe("The CRC32 you specified did not match the calculated checksum.");
    const contentMd5 = await failure(
      put("bad", "data", { ContentMD5: md5("other").toString("base64") }),
    );
    expect(contentMd5.name).toBe("BadDigest");
    await put("good", "data", { ContentMD5: md5("data").toString("base64") });
    expect((await failure(get("bad"))).name).toBe("NoSuchKey");
  });

  it("refuses a key longer than 1024 bytes", async () => {
    const error = await failure(put("é".repeat(513), "x"));
    expect(error.name).toBe("KeyTooLongError");
  });

  it("writes conditionally with If-None-Match: * and If-Match", async () => {
    const first = await put("once", "1", { IfNoneMatch: "*" });
    const again = await failure(put("once", "2", { IfNoneMatch: "*" }));
    expect(again.name).toBe("PreconditionFailed");
    expect(again.$metadata.httpStatusCode).toBe(412);
    expect((await failure(put("once", "3", { IfMatch: '"0000"' }))).name).toBe(
      "PreconditionFailed",
    );
    await put("once", "4", { IfMatch: first.ETag });
    expect(await (await get("once")).Body!.transformToString()).toBe("4");
    expect((await failure(put("never", "5", { IfMatch: first.ETag }))).name).toBe("NoSuchKey");
  });

  it("answers NoSuchKey and NoSuchBucket with the names", async () => {
    const key = await failure(get("missing/key"));
    expect(key).toMatchObject({ name: "NoSuchKey", Key: "missing/key" });
    expect(key.$metadata.httpStatusCode).toBe(404);
    const bucket = await failure(
      client.send(new GetObjectCommand({ Bucket: "missing-bucket", Key: "k" })),
    );
    expect(bucket).toMatchObject({ name: "NoSuchBucket", BucketName: "missing-bucket" });
  });

  it("overrides response headers on request", async () => {
    await put("override", "x", { ContentType: "text/plain" });
    const object = await get("override", {
      ResponseContentType: "application/json",
      ResponseContentDisposition: "inline",
    });
    expect(object).toMatchObject({ ContentType: "application/json", ContentDisposition: "inline" });
  });

  it("refuses version ids other than null in an unversioned bucket", async () => {
    await put("versioned", "x");
    await expect(get("versioned", { VersionId: "null" })).resolves.toBeDefined();
    const error = await failure(get("versioned", { VersionId: "3HL4kqtJlcpXroDTDmJ" }));
    expect(error).toMatchObject({ name: "InvalidArgument", ArgumentName: "versionId" });
  });
});

describe("ranges and conditional reads", () => {
  beforeAll(() => put("digits", "0123456789"));

  it.each([
    ["bytes=2-4", "234", "bytes 2-4/10"],
    ["bytes=7-", "789", "bytes 7-9/10"],
    ["bytes=-2", "89", "bytes 8-9/10"],
  ])("returns %s with 206", async (Range, body, contentRange) => {
    const object = await get("digits", { Range });
    expect(object.$metadata.httpStatusCode).toBe(206);
    expect(object.ContentRange).toBe(contentRange);
    expect(object.ContentLength).toBe(body.length);
    expect(await object.Body!.transformToString()).toBe(body);
  });

  it("refuses a range beyond the object with InvalidRange (416)", async () => {
    const error = await failure(get("digits", { Range: "bytes=10-20" }));
    expect(error.name).toBe("InvalidRange");
    expect(error.$metadata.httpStatusCode).toBe(416);
    expect(error.ActualObjectSize).toBe("10");
  });

  it("answers 304 when the reader's copy is current and 412 when a precondition fails", async () => {
    const { ETag } = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "digits" }));
    const later = new Date("2024-05-02T00:00:00Z");
    const earlier = new Date("2024-04-30T00:00:00Z");
    const status = async (extra: object) => {
      try {
        return (await get("digits", extra)).$metadata.httpStatusCode;
      } catch (error) {
        return (error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode;
      }
    };
    expect(await status({ IfNoneMatch: ETag })).toBe(304);
    expect(await status({ IfNoneMatch: '"other"' })).toBe(200);
    expect(await status({ IfModifiedSince: later })).toBe(304);
    expect(await status({ IfModifiedSince: earlier })).toBe(200);
    expect(await status({ IfNoneMatch: '"other"', IfModifiedSince: later })).toBe(200);
    expect(await status({ IfMatch: '"other"' })).toBe(412);
    expect(await status({ IfMatch: ETag })).toBe(200);
    expect(await status({ IfUnmodifiedSince: earlier })).toBe(412);
    expect(await status({ IfMatch: ETag, IfUnmodifiedSince: earlier })).toBe(200);
    const error = await failure(get("digits", { IfMatch: '"other"' }));
    expect(error).toMatchObject({
      name: "PreconditionFailed",
      message: "At least one of the pre-conditions you specified did not hold",
      Condition: "If-Match",
    });
  });
});

describe("HeadObject and DeleteObject", () => {
  it("describes an object without its body, and reports a missing one as NotFound", async () => {
    await put("headed", "12345", { Metadata: { a: "1" } });
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "headed" }));
    expect(head).toMatchObject({ ContentLength: 5, Metadata: { a: "1" } });
    const missing = await failure(
      client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "nope" })),
    );
    expect(missing.name).toBe("NotFound");
    expect(missing.$metadata.httpStatusCode).toBe(404);
  });

  it("deletes with 204, whether or not the key exists", async () => {
    await put("doomed", "x");
    const deleted = await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "doomed" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect((await failure(get("doomed"))).name).toBe("NoSuchKey");
    const again = await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "doomed" }));
    expect(again.$metadata.httpStatusCode).toBe(204);
  });
});

describe("what the emulator leaves out", () => {
  it("answers NotImplemented (501) naming the request", async () => {
    await put("tagged", "x");
    const error = await failure(
      client.send(
        new PutObjectTaggingCommand({ Bucket: BUCKET, Key: "tagged", Tagging: { TagSet: [] } }),
      ),
    );
    expect(error.name).toBe("NotImplemented");
    expect(error.$metadata.httpStatusCode).toBe(501);
    expect(error.message).toContain("PUT ?tagging on an object");
  });
});
