import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, rawRequest, type S3Emulator, startS3Emulator } from "./s3-harness.js";

let s3: S3Emulator;
beforeAll(async () => {
  s3 = await startS3Emulator();
});
afterAll(() => s3.close());

describe("CreateBucket", () => {
  it.each([
    ["too short", "ab"],
    ["too long", "a".repeat(64)],
    ["upper case", "MyBucket"],
    ["an underscore", "my_bucket"],
    ["a leading hyphen", "-bucket"],
    ["a trailing dot", "bucket."],
    ["two adjacent dots", "my..bucket"],
    ["an IP address", "192.168.5.4"],
    ["a reserved prefix", "xn--bucket"],
    ["a reserved suffix", "bucket-s3alias"],
  ])("refuses a name with %s: InvalidBucketName", async (_, name) => {
    const error = await failure(s3.client().send(new CreateBucketCommand({ Bucket: name })));
    expect(error.name).toBe("InvalidBucketName");
    expect(error.message).toBe("The specified bucket is not valid.");
    expect(error.BucketName).toBe(name);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it("creates a bucket in us-east-1 and answers its owner's second request with 200", async () => {
    const client = s3.client();
    const created = await client.send(new CreateBucketCommand({ Bucket: "first-bucket" }));
    expect(created.Location).toBe("/first-bucket");
    await expect(
      client.send(new CreateBucketCommand({ Bucket: "first-bucket" })),
    ).resolves.toBeDefined();
  });

  it("creates a bucket in the region of its location constraint", async () => {
    const client = s3.client({ region: "eu-west-1" });
    await client.send(
      new CreateBucketCommand({
        Bucket: "irish-bucket",
        CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
      }),
    );
    const location = await client.send(new GetBucketLocationCommand({ Bucket: "irish-bucket" }));
    expect(location.LocationConstraint).toBe("eu-west-1");
    const head = await client.send(new HeadBucketCommand({ Bucket: "irish-bucket" }));
    expect(head.BucketRegion).toBe("eu-west-1");
    const again = await failure(
      client.send(
        new CreateBucketCommand({
          Bucket: "irish-bucket",
          CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
        }),
      ),
    );
    expect(again.name).toBe("BucketAlreadyOwnedByYou");
    expect(again.$metadata.httpStatusCode).toBe(409);
  });

  it("lets the us-east-1 endpoint create buckets in other regions", async () => {
    await s3.client().send(
      new CreateBucketCommand({
        Bucket: "remote-bucket",
        CreateBucketConfiguration: { LocationConstraint: "ap-southeast-2" },
      }),
    );
    const head = await s3.client().send(new HeadBucketCommand({ Bucket: "remote-bucket" }));
    expect(head.BucketRegion).toBe("ap-southeast-2");
  });

  it.each([
    [
      "another region's constraint",
      "eu-west-1",
      "eu-central-1",
      "IllegalLocationConstraintException",
    ],
    ["us-east-1 spelt out", "us-east-1", "us-east-1", "InvalidLocationConstraint"],
    ["a region that does not exist", "us-east-1", "moon-base", "InvalidLocationConstraint"],
  ] as const)("refuses %s", async (_, region, constraint, code) => {
    const error = await failure(
      s3.client({ region }).send(
        new CreateBucketCommand({
          Bucket: "misplaced-bucket",
          // The SDK's type lists the regions it knows; S3 must judge the others.
          CreateBucketConfiguration: { LocationConstraint: constraint as BucketLocationConstraint },
        }),
      ),
    );
    expect(error.name).toBe(code);
  });

  it("refuses no constraint at a regional endpoint (the SDK adds one; other clients may not)", async () => {
    const error = await s3.service
      .handle(rawRequest("PUT", "/unplaced-bucket", { region: "eu-west-1" }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "IllegalLocationConstraintException",
      message:
        "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.",
    });
  });
});

describe("DeleteBucket, HeadBucket, ListBuckets", () => {
  it("lists buckets by name, with their region and creation date", async () => {
    const client = s3.client();
    await client.send(new CreateBucketCommand({ Bucket: "listed-b" }));
    await client.send(new CreateBucketCommand({ Bucket: "listed-a" }));
    const { Buckets, Owner } = await client.send(new ListBucketsCommand({ Prefix: "listed-" }));
    expect(Buckets).toEqual([
      {
        Name: "listed-a",
        CreationDate: new Date("2024-05-01T12:00:00.000Z"),
        BucketRegion: "us-east-1",
      },
      {
        Name: "listed-b",
        CreationDate: new Date("2024-05-01T12:00:00.000Z"),
        BucketRegion: "us-east-1",
      },
    ]);
    expect(Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const page = await client.send(new ListBucketsCommand({ Prefix: "listed-", MaxBuckets: 1 }));
    expect(page.Buckets?.map((bucket) => bucket.Name)).toEqual(["listed-a"]);
    const next = await client.send(
      new ListBucketsCommand({ Prefix: "listed-", ContinuationToken: page.ContinuationToken }),
    );
    expect(next.Buckets?.map((bucket) => bucket.Name)).toEqual(["listed-b"]);
  });

  it("refuses to delete a bucket that holds objects, then deletes it once empty", async () => {
    const client = s3.client();
    await client.send(new CreateBucketCommand({ Bucket: "full-bucket" }));
    await client.send(new PutObjectCommand({ Bucket: "full-bucket", Key: "k", Body: "x" }));
    const error = await failure(client.send(new DeleteBucketCommand({ Bucket: "full-bucket" })));
    expect(error.name).toBe("BucketNotEmpty");
    expect(error.$metadata.httpStatusCode).toBe(409);
    await client.send(new DeleteObjectCommand({ Bucket: "full-bucket", Key: "k" }));
    await client.send(new DeleteBucketCommand({ Bucket: "full-bucket" }));
    const gone = await failure(client.send(new HeadBucketCommand({ Bucket: "full-bucket" })));
    expect(gone.name).toBe("NotFound");
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it("answers NoSuchBucket with the bucket's name", async () => {
    const error = await failure(
      s3.client().send(new DeleteBucketCommand({ Bucket: "no-such-bucket" })),
    );
    expect(error.name).toBe("NoSuchBucket");
    expect(error.message).toBe("The specified bucket does not exist");
    expect(error.BucketName).toBe("no-such-bucket");
  });
});
