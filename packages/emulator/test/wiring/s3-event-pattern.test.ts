import { Domovoi, type S3Options, type S3Registration } from "@domovoi/runtime";
import { compileEventPattern } from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { generateS3ViaEventBridgeEvent } from "../../src/events/s3-eventbridge.js";
import { NoEventBridgeEventsError } from "../../src/services/wiring/index.js";
import { s3EventPattern } from "../../src/services/wiring/s3-event-pattern.js";

function registration(options: Omit<S3Options, "bucket" | "useEventBridge">): S3Registration {
  const app = new Domovoi({ name: "shop" });
  app.s3EventHandler({ bucket: "photos", useEventBridge: true, ...options }, async () => {});
  return app.manifest().registrations[0] as S3Registration;
}

/** Whether the rule of a registration takes S3's EventBridge event for `key` and `eventName`. */
function takes(
  options: Omit<S3Options, "bucket" | "useEventBridge">,
  eventName: string,
  key: string,
) {
  const matches = compileEventPattern(JSON.stringify(s3EventPattern(registration(options))));
  return matches(generateS3ViaEventBridgeEvent({ bucket: "photos", key, eventName }));
}

describe("the rule pattern of an S3 handler delivered through EventBridge", () => {
  it("names the bucket and the detail-types of its event types", () => {
    expect(
      s3EventPattern(registration({ events: ["s3:ObjectCreated:Put", "s3:ObjectRemoved:*"] })),
    ).toEqual({
      source: ["aws.s3"],
      "detail-type": ["Object Created", "Object Deleted"],
      detail: { bucket: { name: ["photos"] } },
    });
  });

  it.each([
    [{ prefix: "in/" }, "in/cat.jpg", true],
    [{ prefix: "in/" }, "out/cat.jpg", false],
    [{ suffix: ".jpg" }, "in/cat.jpg", true],
    [{ prefix: "in/", suffix: ".jpg" }, "in/cat.jpg", true],
    [{ prefix: "in/", suffix: ".jpg" }, "in/cat.png", false],
    [{ prefix: "a*b/" }, "a*b/cat.jpg", true],
    [{ prefix: "a*b/", suffix: ".jpg" }, "axxb/cat.jpg", false],
  ])("with the key filter %j takes %s: %s", (filter, key, taken) => {
    expect(takes(filter, "ObjectCreated:Put", key)).toBe(taken);
  });

  it("takes only its event types", () => {
    expect(takes({ events: ["s3:ObjectCreated:Copy"] }, "ObjectCreated:Put", "a")).toBe(true);
    expect(takes({ events: ["s3:ObjectCreated:*"] }, "ObjectRemoved:Delete", "a")).toBe(false);
    expect(takes({ events: ["s3:ObjectTagging:Put"] }, "ObjectTagging:Delete", "a")).toBe(false);
  });

  it("refuses event types S3 does not send to EventBridge", () => {
    expect(() => s3EventPattern(registration({ events: ["s3:Replication:*"] }))).toThrow(
      NoEventBridgeEventsError,
    );
  });
});
