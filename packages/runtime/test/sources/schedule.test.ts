import type { ScheduledEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { MalformedEventError } from "../../src/errors.js";
import {
  detectSchedule,
  detectSource,
  isScheduledEvent,
  scheduleName,
} from "../../src/sources/index.js";
import { firstEventLabelled } from "./corpus.js";

/**
 * The corpus has no scheduled event (the contract suite covers any that are labelled later), so
 * this builds one from the corpus's EventBridge event as EventBridge would send it.
 */
function scheduledEvent(source: string, resource: string): ScheduledEvent {
  return {
    ...firstEventLabelled<ScheduledEvent>("eventbridge"),
    source,
    "detail-type": "Scheduled Event",
    resources: [resource],
    detail: {},
  };
}

describe("schedules", () => {
  const arns: [arn: string, name: string | null][] = [
    ["arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly", "nightly"],
    ["arn:aws:scheduler:us-east-1:123456789012:schedule/nightly", null],
    ["arn:aws:events:us-east-1:123456789012:rule/every-minute", "every-minute"],
    ["arn:aws:events:us-east-1:123456789012:rule/my-bus/every-minute", "every-minute"],
    ["arn:aws:events:us-east-1:123456789012:event-bus/default", null],
    ["rule/every-minute", null],
  ];
  for (const [arn, name] of arns) {
    it(`name ${arn} ${JSON.stringify(name)}`, () => {
      expect(scheduleName(arn)).toBe(name);
    });
  }

  it("fire from EventBridge rules and from EventBridge Scheduler", () => {
    const rule = scheduledEvent("aws.events", "arn:aws:events:us-east-1:1:rule/every-minute");
    const schedule = scheduledEvent(
      "aws.scheduler",
      "arn:aws:scheduler:us-east-1:1:schedule/g/nightly",
    );
    expect(detectSource(rule)).toEqual({ kind: "schedule", event: rule, key: "every-minute" });
    expect(detectSource(schedule)).toMatchObject({ kind: "schedule", key: "nightly" });
  });

  it("must name what fired them", () => {
    const event = { ...scheduledEvent("aws.events", "x"), resources: [] };
    expect(isScheduledEvent(event)).toBe(true);
    const run = () => detectSchedule(event);
    expect(run).toThrow(MalformedEventError);
    expect(run).toThrow(expect.objectContaining({ path: "resources[0]", found: "missing" }));
  });
});
