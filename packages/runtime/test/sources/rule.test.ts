import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/errors.js";
import { detectRule, detectSource, isDomovoiRuleEnvelope } from "../../src/sources/index.js";
import { firstEventLabelled } from "./corpus.js";

describe("Domovoi rule envelopes", () => {
  const event = firstEventLabelled("eventbridge");

  it("route the event they wrap by rule name, whatever the event", () => {
    for (const wrapped of [event, firstEventLabelled("s3-via-eventbridge")]) {
      const envelope = { domovoiRule: "my-rule", event: wrapped };
      expect(isDomovoiRuleEnvelope(envelope)).toBe(true);
      expect(detectSource(envelope)).toEqual({ kind: "rule", event: wrapped, key: "my-rule" });
    }
  });

  it("must wrap an EventBridge event", () => {
    for (const [wrapped, found] of [
      [undefined, "missing"],
      [{ hello: 1 }, "an object without them"],
      ["text", "a string"],
    ] as const) {
      const run = () => detectRule({ domovoiRule: "my-rule", event: wrapped as never });
      expect(run).toThrow(MalformedEventError);
      expect(run).toThrow(expect.objectContaining({ path: "event", found }));
    }
  });

  it("are recognised by their rule name only", () => {
    expect(isDomovoiRuleEnvelope({ domovoiRule: 1, event })).toBe(false);
    expect(isDomovoiRuleEnvelope(event)).toBe(false);
  });
});
