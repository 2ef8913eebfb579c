import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Domovoi } from "@domovoi/runtime";
import type { SNSEvent, SQSEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { sendToQueue } from "../../src/services/sqs/index.js";
import { REGION, type Wired, wire } from "./harness.js";

const ARN = `arn:aws:sns:${REGION}:000000000000`;

/** What each version of the app received, by handler. */
type Received = Record<string, string[]>;

function record(received: Received, name: string, values: readonly string[]): void {
  received[name] = [...(received[name] ?? []), ...values];
}

function firstVersion(received: Received): Domovoi {
  const app = new Domovoi({ name: "shop" });
  app.snsTopicSubscriber("bartender", async function tend(event: SNSEvent) {
    record(
      received,
      "tend",
      event.Records.map((r) => r.Sns.Message),
    );
  });
  app.sqsQueueSubscriber("orders", async function orders(event: SQSEvent) {
    record(
      received,
      "orders",
      event.Records.map((r) => r.body),
    );
  });
  app.cloudwatchEventHandler({ source: ["shop"] }, async function watch() {});
  app.cloudwatchLogsSubFilterHandler({ logGroupName: "tower" }, async function tower() {});
  app.s3EventHandler({ bucket: "photos" }, async function thumbs() {});
  return app;
}

/** Tend filters now, watch and tower are gone, thumbs is delivered directly, refunds is new. */
function secondVersion(received: Received): Domovoi {
  const app = new Domovoi({ name: "shop" });
  app.snsTopicSubscriber(
    "bartender",
    { filterPolicy: { beer: ["Quadrupel"] }, filterPolicyScope: "MessageBody" },
    async function tend(event: SNSEvent) {
      record(
        received,
        "tend",
        event.Records.map((r) => r.Sns.Message),
      );
    },
  );
  app.sqsQueueSubscriber("orders", async function orders(event: SQSEvent) {
    record(
      received,
      "orders",
      event.Records.map((r) => r.body),
    );
  });
  app.s3EventHandler({ bucket: "photos", useSns: false }, async function thumbs() {});
  app.sqsQueueSubscriber("refunds", async function refunds(event: SQSEvent) {
    record(
      received,
      "refunds",
      event.Records.map((r) => r.body),
    );
  });
  return app;
}

async function reload(wired: Wired, app: Domovoi): Promise<void> {
  wired.invoker.reload(app);
  await wired.aws.provision(app.manifest());
}

describe("provisioning the manifest of reloaded code", () => {
  it("adds what is new, stops what is gone, redoes what changed and keeps the rest", async () => {
    const received: Received = {};
    const wired = await wire(firstVersion(received));
    const { aws } = wired;
    await reload(wired, secondVersion(received));

    expect(aws.eventBridge.eventBus(REGION).rules.has("shop-dev-watch")).toBe(false);
    expect(aws.logs.logGroup(REGION, "tower").subscriptionFilters.size).toBe(0);
    expect(aws.sns.topic(`${ARN}:shop-dev-thumbs`).subscriptions.size).toBe(0);
    const [tend] = aws.sns.topic(`${ARN}:bartender`).subscriptions.values();
    expect(tend?.settings.filterPolicy).toBe('{"beer":["Quadrupel"]}');
    expect(aws.sns.topic(`${ARN}:bartender`).subscriptions.size).toBe(1);

    const topic = aws.sns.topic(`${ARN}:bartender`);
    for (const beer of ["Tripel", "Quadrupel"]) {
      aws.sns.publish(topic, { message: JSON.stringify({ beer }), messageAttributes: {} });
    }
    for (const queue of ["orders", "refunds"]) {
      sendToQueue(aws.sqs, `arn:aws:sqs:${REGION}:000000000000:${queue}`, { body: queue }, "me");
    }
    await wired.until(
      () => ["tend", "orders", "refunds"].every((name) => received[name] !== undefined),
      "the deliveries",
    );
    await wired.clock.advance(1000);
    expect(received).toEqual({
      tend: ['{"beer":"Quadrupel"}'],
      orders: ["orders"],
      refunds: ["refunds"],
    });
    expect(wired.warnings).toEqual([]);
  });

  it("sets the notification configuration of buckets whose handlers changed", async () => {
    const wired = await wire(firstVersion({}));
    await reload(wired, secondVersion({}));
    const third = new Domovoi({ name: "shop" });
    third.sqsQueueSubscriber("orders", async () => {});
    await reload(wired, third);
    // No handler of photos is left: a new object notifies nothing.
    const before = wired.invoker.invocations.length;
    const s3 = new S3Client({ ...wired.sdk, forcePathStyle: true });
    await s3.send(new PutObjectCommand({ Bucket: "photos", Key: "cat.jpg", Body: "x" }));
    s3.destroy();
    await wired.aws.s3.settled();
    await wired.clock.advance(1000);
    expect(wired.invoker.invocations.slice(before)).toEqual([]);
    expect(wired.warnings).toEqual([]);
  });

  it("reports a registration that cannot be provisioned and tries it again on the next one", async () => {
    const broken = new Domovoi({ name: "shop" });
    broken.sqsQueueSubscriber(
      "orders",
      { queueAttributes: { VisibilityTimeout: 99_999 } },
      async () => {},
    );
    const wired = await wire(broken);
    expect(wired.warnings).toEqual([
      expect.stringMatching(/^The resources of sqs-orders \(sqs orders\) could not be created: /),
    ]);
    const fixed = new Domovoi({ name: "shop" });
    fixed.sqsQueueSubscriber("orders", async () => {});
    await reload(wired, fixed);
    expect(wired.aws.sqs.getQueue(REGION, "orders")).toBeDefined();
    expect(wired.warnings).toHaveLength(1);
  });
});
