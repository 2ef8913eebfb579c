import { createHash } from "node:crypto";
import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, type S3Emulator, startS3Emulator } from "./s3-harness.js";

const BUCKET = "multipart-bucket";
const MIB = 1024 * 1024;
let s3: S3Emulator;
let client: S3Client;

beforeAll(async () => {
  s3 = await startS3Emulator();
  client = s3.client();
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(() => s3.close());

const md5 = (data: Buffer) => createHash("md5").update(data).digest();

async function startUpload(Key: string, extra: object = {}): Promise<string> {
  const { UploadId } = await client.send(
    new CreateMultipartUploadCommand({ Bucket: BUCKET, Key, ...extra }),
  );
  return UploadId!;
}

async function uploadPart(Key: string, UploadId: string, PartNumber: number, Body: Buffer) {
  const { ETag } = await client.send(
    new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber, Body }),
  );
  return { PartNumber, ETag: ETag! };
}

const complete = (Key: string, UploadId: string, Parts: CompletedPart[]) =>
  client.send(
    new CompleteMultipartUploadCommand({
      Bucket: BUCKET,
      Key,
      UploadId,
      MultipartUpload: { Parts },
    }),
  );

describe("multipart upload", () => {
  it("assembles the parts; the ETag is the MD5 of the part MD5s with the part count", async () => {
    const uploadId = await startUpload("big.bin", { ContentType: "application/x-big" });
    const first = Buffer.alloc(5 * MIB, "a");
    const second = Buffer.from("the end");
    const parts = [
      await uploadPart("big.bin", uploadId, 1, first),
      await uploadPart("big.bin", uploadId, 2, second),
    ];
    expect(parts[1]?.ETag).toBe(`"${md5(second).toString("hex")}"`);
    const listed = await client.send(
      new ListPartsCommand({ Bucket: BUCKET, Key: "big.bin", UploadId: uploadId }),
    );
    expect(listed.Parts?.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, 5 * MIB],
      [2, 7],
    ]);
    const result = await complete("big.bin", uploadId, parts);
    const expectedETag = md5(Buffer.concat([md5(first), md5(second)])).toString("hex");
    expect(result).toMatchObject({ Bucket: BUCKET, Key: "big.bin", ETag: `"${expectedETag}-2"` });
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "big.bin" }));
    expect(object.ContentType).toBe("application/x-big");
    expect(object.ETag).toBe(`"${expectedETag}-2"`);
    const body = Buffer.from(await object.Body!.transformToByteArray());
    expect(body.equals(Buffer.concat([first, second]))).toBe(true);
    const gone = await failure(uploadPart("big.bin", uploadId, 3, second));
    expect(gone.name).toBe("NoSuchUpload");
  });

  it("copies a range of another object into a part", async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "source", Body: "0123456789" }));
    const uploadId = await startUpload("copied-part");
    const copied = await client.send(
      new UploadPartCopyCommand({
        Bucket: BUCKET,
        Key: "copied-part",
        UploadId: uploadId,
        PartNumber: 1,
        CopySource: `${BUCKET}/source`,
        CopySourceRange: "bytes=2-5",
      }),
    );
    await complete("copied-part", uploadId, [{ PartNumber: 1, ETag: copied.CopyPartResult?.ETag }]);
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: "copied-part" }));
    expect(await object.Body!.transformToString()).toBe("2345");
  });

  it.each([
    ["parts out of order", (parts: CompletedPart[]) => [parts[1]!, parts[0]!], "InvalidPartOrder"],
    [
      "a part with another ETag",
      (parts: CompletedPart[]) => [parts[0]!, { PartNumber: 2, ETag: '"0000"' }],
      "InvalidPart",
    ],
    [
      "a part never uploaded",
      (parts: CompletedPart[]) => [...parts, { PartNumber: 7, ETag: parts[0]!.ETag }],
      "InvalidPart",
    ],
    ["a first part under 5 MiB", (parts: CompletedPart[]) => parts, "EntityTooSmall"],
  ])("refuses to complete with %s", async (_, choose, name) => {
    const uploadId = await startUpload("refused");
    const parts = [
      await uploadPart("refused", uploadId, 1, Buffer.from("small")),
      await uploadPart("refused", uploadId, 2, Buffer.from("parts")),
    ];
    const error = await failure(complete("refused", uploadId, choose(parts)));
    expect(error.name).toBe(name);
    await client.send(
      new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: "refused", UploadId: uploadId }),
    );
  });

  it("aborts an upload, after which it is gone", async () => {
    const uploadId = await startUpload("aborted");
    const abort = () =>
      client.send(
        new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: "aborted", UploadId: uploadId }),
      );
    expect((await abort()).$metadata.httpStatusCode).toBe(204);
    const again = await failure(abort());
    expect(again).toMatchObject({ name: "NoSuchUpload", UploadId: uploadId });
    expect(again.message).toBe(
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    );
  });

  it("refuses part numbers outside 1 to 10000 and uploads for another key", async () => {
    const uploadId = await startUpload("numbered");
    const error = await failure(uploadPart("numbered", uploadId, 10_001, Buffer.from("x")));
    expect(error).toMatchObject({ name: "InvalidArgument", ArgumentName: "partNumber" });
    expect((await failure(uploadPart("other-key", uploadId, 1, Buffer.from("x")))).name).toBe(
      "NoSuchUpload",
    );
  });
});
