import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  type Event,
  type NotificationConfiguration,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { S3Event } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectSource } from "../../../../runtime/src/sources/index.js";
import { shapeDifferences } from "../../events/key-shape.js";
import { FAMILIES } from "../../events/samples.js";
import { type S3Emulator, startS3Emulator } from "./s3-harness.js";

const QUEUE = "arn:aws:sqs:us-east-1:123456789012:uploads";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:bartender";
const FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:bartender-dev";
const BUCKETS = { lambda: "via-lambda", queue: "via-queue", topic: "via-topic" } as const;

let s3: S3Emulator;

/** Every kind of change, in every bucket, delivered by each kind of destination. */
beforeAll(async () => {
  s3 = await startS3Emulator();
  s3.targets.existing.add(QUEUE).add(TOPIC);
  const client = s3.client();
  const events: Event[] = ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"];
  const configurations: Record<keyof typeof BUCKETS, NotificationConfiguration> = {
    lambda: { LambdaFunctionConfigurations: [{ LambdaFunctionArn: FUNCTION, Events: events }] },
    queue: { QueueConfigurations: [{ QueueArn: QUEUE, Events: events }] },
    topic: {
      TopicConfigurations: [{ TopicArn: TOPIC, Events: events }],
      EventBridgeConfiguration: {},
    },
  };
  for (const [via, Bucket] of Object.entries(BUCKETS)) {
    await client.send(new CreateBucketCommand({ Bucket }));
    await client.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket,
        NotificationConfiguration: configurations[via as keyof typeof BUCKETS],
      }),
    );
    await client.send(new PutObjectCommand({ Bucket, Key: "put key.txt", Body: "x" }));
    await client.send(
      new CopyObjectCommand({ Bucket, Key: "copy.txt", CopySource: `${Bucket}/put%20key.txt` }),
    );
    const { UploadId } = await client.send(
      new CreateMultipartUploadCommand({ Bucket, Key: "multipart.bin" }),
    );
    const { ETag } = await client.send(
      new UploadPartCommand({ Bucket, Key: "multipart.bin", UploadId, PartNumber: 1, Body: "y" }),
    );
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: "multipart.bin",
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] },
      }),
    );
    await client.send(new DeleteObjectCommand({ Bucket, Key: "put key.txt" }));
  }
  await s3.deliver();
});
afterAll(() => s3.close());

const EVENT_NAMES = [
  "ObjectCreated:Put",
  "ObjectCreated:Copy",
  "ObjectCreated:CompleteMultipartUpload",
  "ObjectRemoved:Delete",
];

function deliveredBy(via: keyof typeof BUCKETS): S3Event[] {
  const { targets } = s3;
  const events = {
    lambda: () => targets.invocations.map((invocation) => invocation.payload as S3Event),
    queue: () => targets.queueMessages.map((message) => JSON.parse(message.body) as S3Event),
    topic: () => targets.topicMessages.map((message) => JSON.parse(message.message) as S3Event),
  }[via]();
  return events.filter((event) => "Records" in event);
}

describe("emulated notifications have the field set of real S3 notifications", () => {
  const fixtures = FAMILIES.s3.fixtures();

  for (const via of Object.keys(BUCKETS) as (keyof typeof BUCKETS)[]) {
    for (const [index, eventName] of EVENT_NAMES.entries()) {
      it(`${eventName} via ${via}`, () => {
        const event = deliveredBy(via)[index]!;
        expect(event.Records).toHaveLength(1);
        expect(event.Records[0]?.eventName).toBe(eventName);
        expect(shapeDifferences(event, fixtures, FAMILIES.s3.rules)).toEqual({
          unknown: [],
          missing: [],
        });
        expect(detectSource(event)).toMatchObject({ kind: "s3", key: BUCKETS[via] });
      });
    }
  }
});

describe("emulated EventBridge events have the field set of real S3 EventBridge events", () => {
  const fixtures = FAMILIES.s3EventBridge.fixtures();

  for (const [index, detailType] of [
    "Object Created",
    "Object Created",
    "Object Created",
    "Object Deleted",
  ].entries()) {
    it(`${EVENT_NAMES[index]} as ${detailType}`, () => {
      const event = s3.targets.busEvents[index] as { "detail-type": string };
      expect(event["detail-type"]).toBe(detailType);
      expect(shapeDifferences(event, fixtures, FAMILIES.s3EventBridge.rules)).toEqual({
        unknown: [],
        missing: [],
      });
      expect(detectSource(event)).toMatchObject({ kind: "s3", key: BUCKETS.topic });
    });
  }
});
