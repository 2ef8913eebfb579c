import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Domovoi, InvalidNameError, NAME_RULES, physicalNames, taskAlias } from "../src/index.js";

const noop = async () => {};

/** An app with one registration of every kind that owns AWS resources. */
function appWith(registrationName: string, appName = "bartender"): Domovoi {
  const app = new Domovoi({ name: appName });
  const name = (kind: string) => `${registrationName}${kind}`.slice(-64);
  app.scheduledFunction("rate(1 minute)", { name: name("s") }, noop);
  app.cloudwatchEventHandler({ source: ["aws.ecs"] }, { name: name("r") }, noop);
  app.s3EventHandler({ name: name("t"), bucket: "my-s3-bucket", prefix: "t" }, noop);
  app.s3EventHandler(
    { name: name("q"), bucket: "my-s3-bucket", prefix: "q", useSns: false, useSqs: true },
    noop,
  );
  app.s3EventHandler({ name: name("b"), bucket: "my-s3-bucket", prefix: "b", useSqs: true }, noop);
  app.s3EventHandler(
    { name: name("e"), bucket: "my-s3-bucket", prefix: "e", useEventBridge: true },
    noop,
  );
  app.cloudwatchLogsSubFilterHandler({ name: name("l"), logGroupName: "watchtower" }, noop);
  app.emailReceiptHandler({ name: name("m") }, noop);
  app.registerStateMachine(
    { StartAt: "Worker", States: { Worker: { Type: "Task", Resource: noop, End: true } } },
    { name: name("x") },
  );
  return app;
}

const RULE_OF_RESOURCE = {
  schedule: NAME_RULES.schedule,
  rule: NAME_RULES.rule,
  bridgeTopic: NAME_RULES.topic,
  bridgeQueue: NAME_RULES.queue,
  subscriptionFilter: NAME_RULES.subscriptionFilter,
  receiptRule: NAME_RULES.receiptRule,
} as const;

function expectValid(name: string, rule: { maxLength: number; invalid: RegExp }) {
  expect(name.length).toBeGreaterThan(0);
  expect(name.length).toBeLessThanOrEqual(rule.maxLength);
  expect(name.search(rule.invalid)).toBe(-1);
}

function expectAllValid(app: Domovoi, stage: string) {
  const names = physicalNames(app.manifest(), stage);
  expectValid(names.functionName, NAME_RULES.functionName);
  expectValid(names.scheduleGroup, NAME_RULES.scheduleGroup);
  expectValid(names.functionRole, NAME_RULES.role);
  expectValid(names.schedulerRole, NAME_RULES.role);
  for (const resources of Object.values(names.registrations)) {
    for (const [resource, name] of Object.entries(resources)) {
      expectValid(name, RULE_OF_RESOURCE[resource as keyof typeof RULE_OF_RESOURCE]);
    }
    if (resources.receiptRule) expect(resources.receiptRule).toMatch(/^[A-Za-z0-9].*[A-Za-z0-9]$/);
  }
  for (const machine of Object.values(names.stateMachines)) {
    expectValid(machine.stateMachine, NAME_RULES.stateMachine);
    expectValid(machine.role, NAME_RULES.role);
  }
  return names;
}

describe("physicalNames", () => {
  it("names resources <app>-<stage>-<registration> when AWS accepts that", () => {
    const names = expectAllValid(appWith("w"), "dev");
    expect(names.functionName).toBe("bartender-dev");
    expect(names.scheduleGroup).toBe("bartender-dev");
    expect(names.schedulerRole).toBe("bartender-dev-scheduler");
    expect(names.registrations).toEqual({
      ws: { schedule: "bartender-dev-ws" },
      wr: { rule: "bartender-dev-wr" },
      wt: { bridgeTopic: "bartender-dev-wt" },
      wq: { bridgeQueue: "bartender-dev-wq" },
      wb: { bridgeTopic: "bartender-dev-wb", bridgeQueue: "bartender-dev-wb" },
      we: { rule: "bartender-dev-we" },
      wl: { subscriptionFilter: "bartender-dev-wl" },
      wm: { receiptRule: "bartender-dev-wm" },
      noop: {},
    });
    expect(names.stateMachines.wx).toEqual({
      stateMachine: "bartender-dev-wx",
      role: "bartender-dev-wx-sfn",
      taskAliases: { Worker: taskAlias("wx", "Worker") },
    });
  });

  it("shortens names over a service's limit with a stable hash, per service", () => {
    const long = "a".repeat(60);
    const names = expectAllValid(appWith(long), "production");
    const schedule = names.registrations[`${long}s`]!.schedule!;
    expect(schedule).toHaveLength(64);
    expect(schedule).toMatch(/^bartender-production-a+-[0-9a-f]{8}$/);
    // SNS allows 256 characters, so the same registration keeps its full name there.
    expect(names.registrations[`${long}t`]!.bridgeTopic).toBe(`bartender-production-${long}t`);
    expect(physicalNames(appWith(long).manifest(), "production")).toEqual(names);
  });

  it("replaces characters a service does not allow, keeping names distinct", () => {
    const names = expectAllValid(appWith("v1.2_"), "dev");
    expect(names.registrations["v1.2_s"]!.schedule).toBe("bartender-dev-v1.2_s");
    const topic = names.registrations["v1.2_t"]!.bridgeTopic!;
    expect(topic).toMatch(/^bartender-dev-v1-2_t-[0-9a-f]{8}$/);
    const other = expectAllValid(appWith("v1-2_"), "dev").registrations["v1-2_t"]!.bridgeTopic;
    expect(other).toBe("bartender-dev-v1-2_t");
    expect(other).not.toBe(topic);
  });

  it("rejects a stage or app/stage pair that makes no valid function name", () => {
    const manifest = appWith("w").manifest();
    expect(() => physicalNames(manifest, "dev stage")).toThrow(InvalidNameError);
    expect(() => physicalNames(manifest, "")).toThrow(InvalidNameError);
    expect(() => physicalNames(manifest, "s".repeat(60))).toThrow(/at most 64/);
  });

  it("gives valid names for any registration name, app and stage", () => {
    const registrationName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,63}$/);
    const appName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,30}$/);
    const stage = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
    fc.assert(
      fc.property(registrationName, appName, stage, (name, app, s) => {
        expectAllValid(appWith(name, app), s);
      }),
      { numRuns: 200 },
    );
  });
});

describe("taskAlias", () => {
  it("is a short, letter-led hash of machine and state", () => {
    expect(taskAlias("main", "Worker")).toMatch(/^dv-[0-9a-f]{6}$/);
    expect(taskAlias("main", "Worker")).toBe(taskAlias("main", "Worker"));
    expect(taskAlias("main", "Worker")).not.toBe(taskAlias("main", "Finalizer"));
    expect(taskAlias("main", "Worker")).not.toBe(taskAlias("other", "Worker"));
  });
});
