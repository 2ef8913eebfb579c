import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BatchFailedError,
  Domovoi,
  MalformedEventError,
  NoHandlerError,
  physicalNames,
} from "../../src/index.js";
import { eventBridgeEvent, ruleEnvelope, scheduleArn, scheduledEvent } from "../support/events.js";
import { ACCOUNT, lambdaContext, REGION } from "../support/lambda-context.js";

function bartender() {
  const calls: string[] = [];
  const app = new Domovoi({ name: "bartender" });
  const record = (name: string) => async () => {
    calls.push(name);
    return name;
  };
  app.scheduledFunction("cron(0 18 ? * MON-FRI *)", { name: "foo" }, record("foo"));
  app.scheduledFunction("rate(1 minute)", { name: "bar" }, record("bar"));
  app.cloudwatchEventHandler(
    { source: ["aws.ecs"] },
    { name: "monitor_ecs_events" },
    record("ecs"),
  );
  app.cloudwatchEventHandler(
    { source: ["aws.ecs", "aws.ec2"] },
    { name: "audit" },
    record("audit"),
  );
  return { app, calls };
}

describe("schedules", () => {
  it("route by the schedule name at the end of resources[0], physical or registration", async () => {
    const { app, calls } = bartender();
    const names = physicalNames(app.manifest(), "prod");
    const fooSchedule = names.registrations.foo!.schedule!;
    const context = lambdaContext("bartender-prod");
    await expect(
      app.handler(scheduledEvent(scheduleArn("bartender-prod", fooSchedule)), context),
    ).resolves.toBe("foo");
    await expect(app.handler(scheduledEvent(scheduleArn("default", "bar")), context)).resolves.toBe(
      "bar",
    );
    const classicRule = `arn:aws:events:${REGION}:${ACCOUNT}:rule/bartender-prod-bar`;
    await expect(
      app.handler({ ...scheduledEvent(classicRule), source: "aws.events" }, context),
    ).resolves.toBe("bar");
    expect(calls).toEqual(["foo", "bar", "bar"]);
  });

  it("does not resolve another stage's physical names", async () => {
    const { app } = bartender();
    const tick = scheduledEvent(scheduleArn("bartender-prod", "bartender-prod-bar"));
    await expect(app.handler(tick, lambdaContext("bartender-dev"))).rejects.toThrow(
      new NoHandlerError("schedule", "bartender-prod-bar", [
        "foo",
        "bar",
        "monitor_ecs_events",
        "audit",
      ]),
    );
  });
});

describe("EventBridge rules", () => {
  it("deliver an enveloped event to exactly that rule, unwrapped", async () => {
    const { app, calls } = bartender();
    const event = eventBridgeEvent("aws.ecs", "ECS Task State Change", { lastStatus: "STOPPED" });
    const context = lambdaContext("bartender-dev");
    await expect(
      app.handler(ruleEnvelope("bartender-dev-monitor_ecs_events", event), context),
    ).resolves.toBe("ecs");
    await expect(app.handler(ruleEnvelope("audit", event), context)).resolves.toBe("audit");
    expect(calls).toEqual(["ecs", "audit"]);
    await expect(app.handler(ruleEnvelope("gone", event), context)).rejects.toThrow(NoHandlerError);
    await expect(app.handler(ruleEnvelope("audit", { detail: 1 }), context)).rejects.toThrow(
      MalformedEventError,
    );
  });

  it("run every matching pattern's handler for a bare event", async () => {
    const { app, calls } = bartender();
    const ecs = eventBridgeEvent("aws.ecs", "ECS Task State Change");
    await expect(app.handler(ecs, lambdaContext())).resolves.toEqual(["ecs", "audit"]);
    await expect(app.handler(eventBridgeEvent("aws.ec2", "x"), lambdaContext())).resolves.toBe(
      "audit",
    );
    expect(calls).toEqual(["ecs", "audit", "audit"]);
    await expect(
      app.handler(eventBridgeEvent("aws.s3", "Object Created x"), lambdaContext()),
    ).rejects.toThrow(NoHandlerError);
  });

  it("run every matching handler even when one fails, and report all failures", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const app = new Domovoi({ name: "bartender" });
    const failing = (message: string) => async () => {
      throw new Error(message);
    };
    app.cloudwatchEventHandler({ source: ["aws.ecs"] }, { name: "a" }, failing("a"));
    app.cloudwatchEventHandler({ source: [{ prefix: "aws." }] }, { name: "b" }, failing("b"));
    const ecs = eventBridgeEvent("aws.ecs", "x");
    await expect(app.handler(ecs, lambdaContext())).rejects.toThrow(BatchFailedError);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });
});
