import { createHash } from "node:crypto";
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, rawRequest, type S3Emulator, startS3Emulator } from "./s3-harness.js";

const BUCKET = "copy-bucket";
const OTHER = "copy-target";
let s3: S3Emulator;
let client: S3Client;

beforeAll(async () => {
  s3 = await startS3Emulator();
  client = s3.client();
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await client.send(new CreateBucketCommand({ Bucket: OTHER }));
  await client.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: "dir/source file+1.txt",
      Body: "original",
      ContentType: "text/plain",
      Metadata: { origin: "source" },
    }),
  );
});
afterAll(() => s3.close());

const SOURCE = `${BUCKET}/${encodeURIComponent("dir/source file+1.txt")}`;
const md5 = (text: string) => createHash("md5").update(text).digest("base64");
const head = (Bucket: string, Key: string) => client.send(new HeadObjectCommand({ Bucket, Key }));

describe("CopyObject", () => {
  it("copies bytes and metadata from a URL-encoded source to another bucket", async () => {
    const result = await client.send(
      new CopyObjectCommand({ Bucket: OTHER, Key: "copied", CopySource: SOURCE }),
    );
    const source = await head(BUCKET, "dir/source file+1.txt");
    expect(result.CopyObjectResult?.ETag).toBe(source.ETag);
    const copy = await client.send(new GetObjectCommand({ Bucket: OTHER, Key: "copied" }));
    expect(await copy.Body!.transformToString()).toBe("original");
    expect(copy).toMatchObject({ ContentType: "text/plain", Metadata: { origin: "source" } });
  });

  it("replaces the metadata with the REPLACE directive", async () => {
    await client.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: "replaced",
        CopySource: SOURCE,
        MetadataDirective: "REPLACE",
        ContentType: "application/json",
        Metadata: { fresh: "yes" },
      }),
    );
    expect(await head(BUCKET, "replaced")).toMatchObject({
      ContentType: "application/json",
      Metadata: { fresh: "yes" },
    });
  });

  it("refuses to copy an object onto itself unchanged, and allows it with new metadata", async () => {
    const copyOntoItself = (extra: object) =>
      client.send(
        new CopyObjectCommand({
          Bucket: BUCKET,
          Key: "dir/source file+1.txt",
          CopySource: SOURCE,
          ...extra,
        }),
      );
    const error = await failure(copyOntoItself({}));
    expect(error.name).toBe("InvalidRequest");
    expect(error.message).toContain("trying to copy an object to itself");
    await copyOntoItself({ MetadataDirective: "REPLACE", Metadata: { origin: "source" } });
  });

  it("applies the copy-source conditions", async () => {
    const error = await failure(
      client.send(
        new CopyObjectCommand({
          Bucket: OTHER,
          Key: "conditional",
          CopySource: SOURCE,
          CopySourceIfMatch: '"not-the-etag"',
        }),
      ),
    );
    expect(error).toMatchObject({
      name: "PreconditionFailed",
      Condition: "x-amz-copy-source-If-Match",
    });
    const source = await head(BUCKET, "dir/source file+1.txt");
    const unchanged = await failure(
      client.send(
        new CopyObjectCommand({
          Bucket: OTHER,
          Key: "conditional",
          CopySource: SOURCE,
          CopySourceIfNoneMatch: source.ETag,
        }),
      ),
    );
    expect(unchanged.$metadata.httpStatusCode).toBe(412);
  });

  it.each([
    ["a missing key", `${BUCKET}/missing`, "NoSuchKey"],
    ["a missing bucket", "missing-bucket/key", "NoSuchBucket"],
    ["a source without a key", BUCKET, "InvalidArgument"],
  ])("refuses %s", async (_, CopySource, name) => {
    const error = await failure(
      client.send(new CopyObjectCommand({ Bucket: OTHER, Key: "never", CopySource })),
    );
    expect(error.name).toBe(name);
  });
});

describe("DeleteObjects", () => {
  const keys = ["batch/a", "batch/b c", "batch/ü"];
  const fill = () =>
    Promise.all(
      keys.map((Key) => client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }))),
    );
  const remaining = async () =>
    (
      await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "batch/" }))
    ).Contents?.map((object) => object.Key) ?? [];

  it("deletes every key listed, missing ones included, and reports each", async () => {
    await fill();
    const result = await client.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Objects: [...keys, "batch/missing"].map((Key) => ({ Key })) },
      }),
    );
    expect(result.Deleted?.map((deleted) => deleted.Key)).toEqual([...keys, "batch/missing"]);
    expect(result.Errors).toBeUndefined();
    expect(await remaining()).toEqual([]);
  });

  it("reports only errors when quiet", async () => {
    await fill();
    const result = await client.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: {
          Quiet: true,
          Objects: [{ Key: "batch/a" }, { Key: "batch/b c", VersionId: "some-version" }],
        },
      }),
    );
    expect(result.Deleted).toBeUndefined();
    expect(result.Errors).toEqual([
      {
        Key: "batch/b c",
        VersionId: "some-version",
        Code: "NoSuchVersion",
        Message: "The specified version does not exist.",
      },
    ]);
    expect(await remaining()).toEqual(["batch/b c", "batch/ü"]);
  });

  it("requires an integrity header and a well-formed list of at most 1000 keys", async () => {
    const deleteRequest = (
      body: string,
      headers: Record<string, string> = { "content-md5": md5(body) },
    ) => s3.service.handle(rawRequest("POST", `/${BUCKET}`, { query: "delete", body, headers }));
    const one = "<Delete><Object><Key>k</Key></Object></Delete>";
    await expect(deleteRequest(one, {})).rejects.toMatchObject({
      code: "InvalidRequest",
      message: "Missing required header for this request: Content-MD5",
    });
    await expect(deleteRequest(one)).resolves.toMatchObject({ statusCode: 200 });
    const tooMany = `<Delete>${"<Object><Key>k</Key></Object>".repeat(1001)}</Delete>`;
    await expect(deleteRequest(tooMany)).rejects.toMatchObject({ code: "MalformedXML" });
    await expect(deleteRequest("<Delete><Object></Object>")).rejects.toMatchObject({
      code: "MalformedXML",
    });
  });
});
