import type { S3Event } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { Domovoi, NoHandlerError } from "../../src/index.js";
import { encodeS3EventKey } from "../../src/matching/s3-filter/index.js";
import { ruleEnvelope, s3Notification } from "../support/events.js";
import { fixture } from "../support/fixtures.js";
import { lambdaContext } from "../support/lambda-context.js";

/** Two handlers on one bucket that S3 would keep apart: different prefixes and event types. */
function shop() {
  const calls: Record<string, S3Event[]> = { images: [], removals: [] };
  const app = new Domovoi({ name: "shop" });
  for (const [name, options] of [
    ["images", { events: ["s3:ObjectCreated:*"], prefix: "images/", suffix: ".jpg" }],
    ["removals", { events: ["s3:ObjectRemoved:*"] }],
  ] as const) {
    app.s3EventHandler({ name, bucket: "my-s3-bucket", ...options }, async (event) => {
      calls[name]!.push(event);
      return name;
    });
  }
  return { app, calls };
}

describe("S3 dispatch", () => {
  it("chooses the bucket's handler by event name and key filters", async () => {
    const { app, calls } = shop();
    const created = s3Notification("my-s3-bucket", ["ObjectCreated:Put", "images/cat.jpg"]);
    await expect(app.handler(created, lambdaContext())).resolves.toBe("images");
    const removed = s3Notification("my-s3-bucket", ["ObjectRemoved:Delete", "images/cat.jpg"]);
    await expect(app.handler(removed, lambdaContext())).resolves.toBe("removals");
    expect(calls.images).toEqual([created]);
    expect(calls.removals).toEqual([removed]);
  });

  it("compares filters with the key as S3 encodes it", async () => {
    const { app, calls } = shop();
    const key = encodeS3EventKey("images/my cat.jpg");
    await app.handler(s3Notification("my-s3-bucket", ["ObjectCreated:Copy", key]), lambdaContext());
    expect(calls.images).toHaveLength(1);
  });

  it("splits one event's records between handlers, and never drops one", async () => {
    const { app, calls } = shop();
    const both = s3Notification(
      "my-s3-bucket",
      ["ObjectCreated:Put", "images/a.jpg"],
      ["ObjectRemoved:Delete", "b.txt"],
    );
    await expect(app.handler(both, lambdaContext())).resolves.toEqual(["images", "removals"]);
    expect(calls.images![0]!.Records).toEqual([both.Records[0]]);
    const stray = s3Notification("my-s3-bucket", ["ObjectCreated:Put", "docs/a.pdf"]);
    await expect(app.handler(stray, lambdaContext())).rejects.toThrow(NoHandlerError);
    await expect(app.handler(stray, lambdaContext())).rejects.toThrow(
      /my-s3-bucket s3:ObjectCreated:\* images\/\*\.jpg/,
    );
  });

  it("normalises S3 events delivered by EventBridge, bare or in a rule's envelope", async () => {
    const app = new Domovoi({ name: "shop" });
    const calls: S3Event[] = [];
    app.s3EventHandler(
      { name: "uploads", bucket: "example-bucket", useEventBridge: true },
      async (event) => {
        calls.push(event);
      },
    );
    const event = fixture("powertools/s3/eventbridge-object-created.json");
    await app.handler(event, lambdaContext());
    await app.handler(ruleEnvelope("shop-dev-uploads", event), lambdaContext("shop-dev"));
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[0]!.Records[0]).toMatchObject({
      eventSource: "aws:s3",
      eventName: "ObjectCreated:Put",
      s3: { bucket: { name: "example-bucket" } },
    });
  });
});
