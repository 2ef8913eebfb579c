import {
  DeleteObjectCommand,
  GetBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Domovoi, type S3Options } from "@domovoi/runtime";
import type { S3Event, SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { SENDER_IDS } from "../../src/services/wiring/index.js";
import { type Wired, wire } from "./harness.js";

interface Case {
  readonly delivery: string;
  readonly options: Omit<S3Options, "bucket">;
  /** The trigger of the invocation that carries the notification. */
  readonly trigger: string;
}

const CASES: readonly Case[] = [
  { delivery: "direct", options: { useSns: false }, trigger: "s3:photos" },
  { delivery: "sns", options: {}, trigger: "sns:shop-dev-thumbs" },
  { delivery: "sqs", options: { useSns: false, useSqs: true }, trigger: "sqs:shop-dev-thumbs" },
  { delivery: "sns-sqs", options: { useSqs: true }, trigger: "sqs:shop-dev-thumbs" },
  { delivery: "eventbridge", options: { useEventBridge: true }, trigger: "events:shop-dev-thumbs" },
];

/** An app whose handler `thumbs` takes the `.jpg` objects of bucket `photos`. */
function photoApp(options: Omit<S3Options, "bucket">, received: string[]): Domovoi {
  const app = new Domovoi({ name: "shop" });
  app.s3EventHandler(
    { bucket: "photos", name: "thumbs", suffix: ".jpg", ...options },
    async (event: S3Event) => {
      received.push(
        ...event.Records.map((record) => `${record.eventName} ${record.s3.object.key}`),
      );
    },
  );
  return app;
}

async function put(wired: Wired, ...keys: string[]): Promise<void> {
  const s3 = new S3Client({ ...wired.sdk, forcePathStyle: true });
  for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: "photos", Key, Body: "x" }));
  s3.destroy();
}

describe("s3EventHandler registrations", () => {
  it.each(CASES)(
    "delivered $delivery reach their handler as deployed",
    async ({ options, trigger }) => {
      const received: string[] = [];
      const wired = await wire(photoApp(options, received));
      await put(wired, "cat.png", "cat.jpg");
      await wired.until(() => received.length > 0, "the notification");
      await wired.clock.advance(2000);
      expect(received).toEqual(["ObjectCreated:Put cat.jpg"]);
      expect(wired.invoker.triggers).toContain(trigger);
      expect(wired.warnings).toEqual([]);
    },
  );

  it("configure the bucket with the deployer's ids, event types and key filters", async () => {
    const app = new Domovoi({ name: "shop" });
    app.s3EventHandler({ bucket: "photos", name: "thumbs", prefix: "in/" }, async () => {});
    app.s3EventHandler(
      { bucket: "photos", name: "gone", events: ["s3:ObjectRemoved:*"], useSns: false },
      async () => {},
    );
    const wired = await wire(app);
    const s3 = new S3Client({ ...wired.sdk, forcePathStyle: true });
    const configuration = await s3.send(
      new GetBucketNotificationConfigurationCommand({ Bucket: "photos" }),
    );
    s3.destroy();
    expect(configuration.TopicConfigurations).toEqual([
      {
        Id: "domovoi:shop-dev:thumbs",
        TopicArn: "arn:aws:sns:us-east-1:000000000000:shop-dev-thumbs",
        Events: ["s3:ObjectCreated:*"],
        Filter: { Key: { FilterRules: [{ Name: "Prefix", Value: "in/" }] } },
      },
    ]);
    expect(configuration.LambdaFunctionConfigurations).toEqual([
      expect.objectContaining({
        Id: "domovoi:shop-dev:gone",
        LambdaFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:shop-dev",
        Events: ["s3:ObjectRemoved:*"],
      }),
    ]);
  });

  it("through a bridge topic and queue carry SNS's envelope, sent by SNS", async () => {
    const app = photoApp({ useSqs: true }, []);
    const wired = await wire(app);
    await put(wired, "cat.jpg");
    await wired.until(() => wired.invoker.triggers.includes("sqs:shop-dev-thumbs"), "the batch");
    const batches = wired.invoker.invocations.map(({ request }) => request.payload as SQSEvent);
    const record = batches.flatMap((batch) => batch.Records ?? [])[0]!;
    expect(record.attributes.SenderId).toBe(SENDER_IDS.sns);
    expect(JSON.parse(record.body)).toMatchObject({
      Type: "Notification",
      TopicArn: "arn:aws:sns:us-east-1:000000000000:shop-dev-thumbs",
      Subject: "Amazon S3 Notification",
    });
  });

  it("delivered through EventBridge get only their event types", async () => {
    const received: string[] = [];
    const app = photoApp({ useEventBridge: true, events: ["s3:ObjectRemoved:*"] }, received);
    const wired = await wire(app);
    await put(wired, "cat.jpg");
    const s3 = new S3Client({ ...wired.sdk, forcePathStyle: true });
    await s3.send(new DeleteObjectCommand({ Bucket: "photos", Key: "cat.jpg" }));
    s3.destroy();
    await wired.until(() => received.length > 0, "the deletion");
    expect(received).toEqual(["ObjectRemoved:Delete cat.jpg"]);
  });
});
