import { describe, expect, it } from "vitest";
import {
  generateEventBridgeEvent,
  generateRuleEvent,
  generateScheduleEvent,
} from "../../src/events/index.js";
import { fixedSources } from "./support.js";

const ID = "6f1c2a3b-4d5e-4f60-8a7b-000000000001";

describe("generateScheduleEvent", () => {
  it("builds the envelope the deployer gives Scheduler targets", () => {
    expect(
      generateScheduleEvent(
        { name: "bartender-dev-foo" },
        fixedSources({ region: "eu-west-1", account: "123456789012" }),
      ),
    ).toEqual({
      version: "0",
      id: ID,
      "detail-type": "Scheduled Event",
      source: "aws.scheduler",
      account: "123456789012",
      time: "2024-05-01T12:00:00Z",
      region: "eu-west-1",
      resources: ["arn:aws:scheduler:eu-west-1:123456789012:schedule/default/bartender-dev-foo"],
      detail: {},
    });
  });

  it("places the schedule in its group and at the scheduled time", () => {
    const event = generateScheduleEvent(
      { name: "foo", group: "domovoi", time: "2024-05-06T18:00:00Z" },
      fixedSources(),
    );
    expect(event.resources).toEqual([
      "arn:aws:scheduler:us-east-1:000000000000:schedule/domovoi/foo",
    ]);
    expect(event.time).toBe("2024-05-06T18:00:00Z");
  });

  it("builds the event a classic scheduled rule sends", () => {
    expect(generateScheduleEvent({ name: "foo", via: "rule" }, fixedSources())).toMatchObject({
      source: "aws.events",
      "detail-type": "Scheduled Event",
      resources: ["arn:aws:events:us-east-1:000000000000:rule/foo"],
      detail: {},
    });
  });

  it.each([
    ["a name with a space", { name: "a b" }, "name"],
    ["a group for a rule", { name: "foo", via: "rule", group: "g" }, "group"],
    ["an unknown origin", { name: "foo", via: "cron" }, "via"],
    ["an invalid time", { name: "foo", time: "soon" }, "time"],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateScheduleEvent(params as never)).toThrow(
      expect.objectContaining({ kind: "schedule", param }),
    );
  });
});

describe("generateEventBridgeEvent", () => {
  it("builds an event of the stage's region and account", () => {
    expect(
      generateEventBridgeEvent(
        {
          source: "aws.ecs",
          detailType: "ECS Task State Change",
          detail: { lastStatus: "STOPPED" },
          resources: ["arn:x"],
        },
        fixedSources(),
      ),
    ).toEqual({
      version: "0",
      id: ID,
      "detail-type": "ECS Task State Change",
      source: "aws.ecs",
      account: "000000000000",
      time: "2024-05-01T12:00:00Z",
      region: "us-east-1",
      resources: ["arn:x"],
      detail: { lastStatus: "STOPPED" },
    });
  });

  it("parses a detail given as JSON text, as the CLI passes it", () => {
    expect(
      generateEventBridgeEvent({ source: "app", detailType: "t", detail: '{"a":[1]}' }).detail,
    ).toEqual({ a: [1] });
  });

  it("defaults to an empty detail and no resources", () => {
    expect(generateEventBridgeEvent({ source: "app", detailType: "t" })).toMatchObject({
      detail: {},
      resources: [],
    });
  });

  it.each([
    ["an array detail", { source: "app", detailType: "t", detail: [1] }, "detail"],
    ["detail text that is not JSON", { source: "app", detailType: "t", detail: "{oops" }, "detail"],
    [
      "a detail that cannot be serialised",
      { source: "app", detailType: "t", detail: { n: 1n } },
      "detail",
    ],
    ["an empty source", { source: "", detailType: "t" }, "source"],
    ["no detail type", { source: "app" }, "detailType"],
    [
      "an event over 256 KB",
      { source: "app", detailType: "t", detail: { x: "y".repeat(256 * 1024) } },
      "detail",
    ],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateEventBridgeEvent(params as never)).toThrow(
      expect.objectContaining({ kind: "eventbridge", param }),
    );
  });
});

describe("generateRuleEvent", () => {
  it("wraps the event with the name of the rule, as the deployed input transformer does", () => {
    const envelope = generateRuleEvent(
      { rule: "monitor_ecs_events", source: "aws.ecs", detailType: "ECS Task State Change" },
      fixedSources(),
    );
    expect(Object.keys(envelope)).toEqual(["domovoiRule", "event"]);
    expect(envelope).toEqual({
      domovoiRule: "monitor_ecs_events",
      event: generateEventBridgeEvent(
        { source: "aws.ecs", detailType: "ECS Task State Change" },
        fixedSources(),
      ),
    });
  });

  it("rejects a rule name AWS would not accept", () => {
    expect(() => generateRuleEvent({ rule: "a/b", source: "s", detailType: "t" })).toThrow(
      expect.objectContaining({ kind: "rule", param: "rule" }),
    );
  });
});
