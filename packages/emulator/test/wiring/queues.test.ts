import { Domovoi, perRecord } from "@domovoi/runtime";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { sendToQueue } from "../../src/services/sqs/index.js";
import { REGION, wire } from "./harness.js";

const queueArn = (name: string) => `arn:aws:sqs:${REGION}:000000000000:${name}`;

describe("sqsQueueSubscriber registrations", () => {
  it("get their queue, with the registration's attributes over the deployer's visibility timeout", async () => {
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber("orders", { queueAttributes: { DelaySeconds: 5 } }, async () => {});
    app.sqsQueueSubscriber("slow", { queueAttributes: { VisibilityTimeout: 7 } }, async () => {});
    app.sqsQueueSubscriber("jobs.fifo", async () => {});
    const { aws } = await wire(app, { functionTimeoutSeconds: 10 });
    const orders = aws.sqs.getQueue(REGION, "orders").attributes.settings;
    expect(orders).toMatchObject({ visibilityTimeout: 60, delaySeconds: 5 });
    expect(aws.sqs.getQueue(REGION, "slow").attributes.settings.visibilityTimeout).toBe(7);
    expect(aws.sqs.getQueue(REGION, "jobs.fifo").fifo).toBe(true);
  });

  it("use a queue that exists as it is", async () => {
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber("orders", { queueAttributes: { DelaySeconds: 5 } }, async () => {});
    const { aws, warnings } = await wire(app, {}, async ({ aws: early }) => {
      early.sqs.createQueue(REGION, "orders", { DelaySeconds: "1" });
    });
    expect(aws.sqs.getQueue(REGION, "orders").attributes.settings.delaySeconds).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("deliver the queue's messages in batches, deleting what the handler processed", async () => {
    const batches: string[][] = [];
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber("orders", { batchSize: 20 }, async (event: SQSEvent) => {
      batches.push(event.Records.map((record) => record.body));
    });
    const wired = await wire(app);
    for (const body of ["a", "b", "c"])
      sendToQueue(wired.aws.sqs, queueArn("orders"), { body }, "me");
    await wired.until(() => batches.length > 0, "the batch");
    // A batch size over 10 gets a one-second window, which gathers all three.
    expect(batches).toEqual([["a", "b", "c"]]);
    await wired.until(
      () => wired.aws.sqs.getQueue(REGION, "orders").counts().visible === 0,
      "the deletions",
    );
    expect(wired.aws.sqs.getQueue(REGION, "orders").counts()).toMatchObject({ notVisible: 0 });
  });

  it("apply the filter criteria: messages they reject are deleted without an invocation", async () => {
    const bodies: string[] = [];
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber(
      "orders",
      { filterCriteria: { Filters: [{ Pattern: JSON.stringify({ body: { beer: [1] } }) }] } },
      async (event: SQSEvent) => {
        bodies.push(...event.Records.map((record) => record.body));
      },
    );
    const wired = await wire(app);
    for (const beer of [2, 1]) {
      sendToQueue(wired.aws.sqs, queueArn("orders"), { body: JSON.stringify({ beer }) }, "me");
    }
    await wired.until(() => bodies.length > 0, "the matching message");
    expect(bodies).toEqual(['{"beer":1}']);
    expect(wired.aws.sqs.getQueue(REGION, "orders").counts()).toMatchObject({
      visible: 0,
      notVisible: 0,
    });
  });

  it("read partial batch responses: only the failed record returns, after its visibility timeout", async () => {
    const seen: string[] = [];
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber(
      "orders",
      { queueAttributes: { VisibilityTimeout: 30 } },
      perRecord(async (record: SQSRecord) => {
        seen.push(record.body);
        if (record.body === "bad" && seen.length < 3) throw new Error("not yet");
      }),
    );
    const wired = await wire(app);
    for (const body of ["good", "bad"])
      sendToQueue(wired.aws.sqs, queueArn("orders"), { body }, "me");
    await wired.until(() => seen.length === 3, "the redelivery");
    expect(seen.toSorted()).toEqual(["bad", "bad", "good"]);
    expect(wired.clock.now() - wired.start).toBeGreaterThanOrEqual(30_000);
  });
});
