import { request } from "node:http";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../../../src/clock/index.js";
import { createS3Service } from "../../../src/services/s3/index.js";
import {
  RecordingTargets,
  rawRequest,
  type S3Emulator,
  START,
  startS3Emulator,
} from "./s3-harness.js";

let s3: S3Emulator;
beforeAll(async () => {
  s3 = await startS3Emulator();
  s3.service.ensureBucket("hosted-bucket", "us-east-1");
  s3.service.ensureBucket("hosted.dotted.bucket", "us-east-1");
});
afterAll(() => s3.close());

/** An unsigned request with its own Host header, as curl or a browser would send it. */
function send(method: string, host: string, path: string, body = "") {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const call = request(
      { host: "127.0.0.1", port: s3.port, method, path, headers: { host } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    call.on("error", reject);
    call.end(body);
  });
}

describe("addressing", () => {
  it.each([
    ["hosted-bucket.localhost", "hosted-bucket"],
    ["hosted-bucket.s3.localhost", "hosted-bucket"],
    ["hosted.dotted.bucket.s3.localhost", "hosted.dotted.bucket"],
  ])("reads the bucket from the host %s", async (hostname, bucket) => {
    const host = `${hostname}:${s3.port}`;
    expect((await send("PUT", host, "/dir/a%20b.txt", "virtual")).status).toBe(200);
    expect(await send("GET", host, "/dir/a%20b.txt")).toEqual({ status: 200, body: "virtual" });
    expect(await send("GET", `127.0.0.1:${s3.port}`, `/${bucket}/dir/a%20b.txt`)).toEqual({
      status: 200,
      body: "virtual",
    });
  });

  it("answers an unknown bucket with S3's error XML", async () => {
    const response = await send("GET", `missing-bucket.localhost:${s3.port}`, "/key");
    expect(response.status).toBe(404);
    expect(response.body).toContain("<Code>NoSuchBucket</Code>");
    expect(response.body).toContain("<BucketName>missing-bucket</BucketName>");
  });

  it("serves the real SDK in virtual-hosted style", async () => {
    const client = s3.client({ virtualHosted: true });
    await client.send(new PutObjectCommand({ Bucket: "hosted-bucket", Key: "sdk", Body: "hi" }));
    const object = await client.send(new GetObjectCommand({ Bucket: "hosted-bucket", Key: "sdk" }));
    expect(await object.Body!.transformToString()).toBe("hi");
    const listing = await client.send(new ListObjectsV2Command({ Bucket: "hosted-bucket" }));
    expect(listing.Contents?.map((entry) => entry.Key)).toContain("sdk");
  });
});

describe("the service's own API", () => {
  it("configures notifications of manifest buckets with S3's validation", async () => {
    const targets = new RecordingTargets();
    const clock = new VirtualClock(START);
    const service = createS3Service({ clock, targets, onDeliveryError: () => undefined });
    service.ensureBucket("manifest-bucket", "eu-west-1");
    service.ensureBucket("manifest-bucket", "eu-west-1");
    await expect(
      service.putBucketNotificationConfiguration("manifest-bucket", {
        QueueConfigurations: [
          { QueueArn: "arn:aws:sqs:eu-west-1:000000000000:gone", Events: ["s3:ObjectCreated:*"] },
        ],
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(() => service.ensureBucket("Invalid_Name", "eu-west-1")).toThrow(
      expect.objectContaining({ code: "InvalidBucketName" }),
    );
  });

  it("reports deliveries that fail, and drops them as S3 does", async () => {
    const targets = new RecordingTargets();
    const queue = "arn:aws:sqs:us-east-1:000000000000:flaky";
    targets.existing.add(queue);
    const clock = new VirtualClock(START);
    const failures: [string, string][] = [];
    const service = createS3Service({
      clock,
      targets,
      onDeliveryError: (error, destination) => failures.push([destination, String(error)]),
    });
    service.ensureBucket("flaky-bucket", "us-east-1");
    await service.putBucketNotificationConfiguration("flaky-bucket", {
      QueueConfigurations: [{ QueueArn: queue, Events: ["s3:ObjectCreated:*"] }],
    });
    targets.existing.delete(queue);
    await service.handle(rawRequest("PUT", "/flaky-bucket/key", { body: "x" }));
    await clock.advance(0);
    await service.settled();
    expect(failures).toEqual([[queue, `Error: ${queue} does not exist`]]);
  });
});
