import { describe, expect, it } from "vitest";
import {
  type AnyEventBridgeEvent,
  detectEventBridge,
  detectEventBusDelivery,
  eventBridgeKey,
  isEventBridgeEvent,
} from "../../src/sources/index.js";
import { casesLabelled, firstEventLabelled, loadEvent } from "./corpus.js";

describe("EventBridge corpus fixtures", () => {
  for (const entry of casesLabelled("eventbridge")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isEventBridgeEvent(event)).toBe(true);
      expect(detectEventBusDelivery(event)).toEqual({ kind: "eventbridge", event, key: entry.key });
    });
  }
});

describe("EventBridge events", () => {
  const event = firstEventLabelled<AnyEventBridgeEvent>("eventbridge");

  it("are keyed by source and detail-type", () => {
    expect(eventBridgeKey(event)).toBe("aws.ec2|EC2 Instance State-change Notification");
    expect(detectEventBridge(event).key).toBe(eventBridgeKey(event));
  });

  it("need source, detail-type and a detail object", () => {
    for (const broken of [
      { ...event, source: 1 },
      { ...event, "detail-type": undefined },
      { ...event, detail: "text" },
      { ...event, detail: null },
    ]) {
      expect(isEventBridgeEvent(broken)).toBe(false);
      expect(detectEventBusDelivery(broken)).toBeUndefined();
    }
  });

  it("from an application are not mistaken for schedules", () => {
    const lookalike = { ...event, source: "my.app", "detail-type": "Scheduled Event" };
    expect(detectEventBusDelivery(lookalike)?.kind).toBe("eventbridge");
  });
});
