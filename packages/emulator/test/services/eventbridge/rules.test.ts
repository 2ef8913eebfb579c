import {
  CreateEventBusCommand,
  DeleteRuleCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from "@aws-sdk/client-eventbridge";
import { describe, expect, it } from "vitest";
import { ACCOUNT, failureOf, queueArn, REGION, useEventBridgeEmulator } from "./harness.js";

const emulator = useEventBridgeEmulator();

const PATTERN = JSON.stringify({
  source: ["core.update-account-command"],
  "detail-type": ["core.update-account-command"],
  detail: { command: ["update-account"] },
});

describe("PutRule and DescribeRule", () => {
  it("creates a rule on the default bus and describes it as AWS does", async () => {
    const { events } = emulator();
    const { RuleArn } = await events.send(
      new PutRuleCommand({ Name: "accounts", EventPattern: PATTERN, Description: "updates" }),
    );
    expect(RuleArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/accounts`);
    const rule = await events.send(new DescribeRuleCommand({ Name: "accounts" }));
    expect(rule).toMatchObject({
      Name: "accounts",
      Arn: RuleArn,
      EventPattern: PATTERN,
      State: "ENABLED",
      Description: "updates",
      EventBusName: "default",
      CreatedBy: ACCOUNT,
    });
  });

  it("names rules of a custom bus after the bus, which may be given by ARN", async () => {
    const { events } = emulator();
    const { EventBusArn } = await events.send(new CreateEventBusCommand({ Name: "orders" }));
    const { RuleArn } = await events.send(
      new PutRuleCommand({ Name: "accounts", EventPattern: PATTERN, EventBusName: EventBusArn }),
    );
    expect(RuleArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:rule/orders/accounts`);
    const rule = await events.send(
      new DescribeRuleCommand({ Name: "accounts", EventBusName: "orders" }),
    );
    expect(rule.EventBusName).toBe("orders");
  });

  it("replaces a rule's settings on a second PutRule and keeps its targets", async () => {
    const { events } = emulator();
    await events.send(new PutRuleCommand({ Name: "accounts", EventPattern: PATTERN }));
    await events.send(
      new PutTargetsCommand({ Rule: "accounts", Targets: [{ Id: "q", Arn: queueArn("q") }] }),
    );
    await events.send(
      new PutRuleCommand({
        Name: "accounts",
        EventPattern: '{"source":["other"]}',
        State: "DISABLED",
      }),
    );
    const rule = await events.send(new DescribeRuleCommand({ Name: "accounts" }));
    expect(rule).toMatchObject({ EventPattern: '{"source":["other"]}', State: "DISABLED" });
    expect(rule.Description).toBeUndefined();
    const { Targets } = await events.send(new ListTargetsByRuleCommand({ Rule: "accounts" }));
    expect(Targets).toEqual([{ Id: "q", Arn: queueArn("q") }]);
  });

  it("accepts a schedule expression on the default bus", async () => {
    const { events } = emulator();
    await events.send(new PutRuleCommand({ Name: "tick", ScheduleExpression: "rate(5 minutes)" }));
    const rule = await events.send(new DescribeRuleCommand({ Name: "tick" }));
    expect(rule.ScheduleExpression).toBe("rate(5 minutes)");
  });

  it("requires a pattern or a schedule", async () => {
    expect(
      await failureOf(emulator().events.send(new PutRuleCommand({ Name: "r" }))),
    ).toMatchObject({
      name: "ValidationException",
      message: "Parameter(s) EventPattern or ScheduleExpression must be specified.",
    });
  });

  it("refuses an invalid pattern with AWS's message", async () => {
    const failure = await failureOf(
      emulator().events.send(
        new PutRuleCommand({ Name: "r", EventPattern: JSON.stringify({ resources: [] }) }),
      ),
    );
    expect(failure).toMatchObject({
      name: "InvalidEventPatternException",
      message: "Event pattern is not valid. Reason: Empty arrays are not allowed",
    });
  });

  it("refuses a schedule on a custom bus (recorded)", async () => {
    const { events } = emulator();
    await events.send(new CreateEventBusCommand({ Name: "orders" }));
    const failure = await failureOf(
      events.send(
        new PutRuleCommand({
          Name: "tick",
          ScheduleExpression: "rate(1 minute)",
          EventBusName: "orders",
        }),
      ),
    );
    expect(failure).toMatchObject({
      name: "ValidationException",
      message: "ScheduleExpression is supported only on the default event bus.",
    });
  });

  it("refuses a rule on a bus that does not exist", async () => {
    const failure = await failureOf(
      emulator().events.send(
        new PutRuleCommand({ Name: "r", EventPattern: PATTERN, EventBusName: "nope" }),
      ),
    );
    expect(failure).toMatchObject({
      name: "ResourceNotFoundException",
      message: "Event bus nope does not exist.",
    });
  });

  it("validates names and states with the model's messages", async () => {
    const { events } = emulator();
    expect(
      await failureOf(events.send(new PutRuleCommand({ Name: "a b", EventPattern: PATTERN }))),
    ).toMatchObject({
      name: "ValidationException",
      message:
        "1 validation error detected: Value 'a b' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    });
    expect(
      await failureOf(
        events.send(
          new PutRuleCommand({ Name: "r", EventPattern: PATTERN, State: "ON" as "ENABLED" }),
        ),
      ),
    ).toMatchObject({
      message:
        "1 validation error detected: Value 'ON' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]",
    });
  });

  it("answers ResourceNotFoundException for a rule that does not exist (recorded)", async () => {
    const failure = await failureOf(
      emulator().events.send(new DescribeRuleCommand({ Name: "nope" })),
    );
    expect(failure).toEqual({
      name: "ResourceNotFoundException",
      message: "Rule nope does not exist on EventBus default.",
      status: 400,
    });
  });
});

describe("EnableRule and DisableRule", () => {
  it("switch a rule's state", async () => {
    const { events } = emulator();
    await events.send(new PutRuleCommand({ Name: "r", EventPattern: PATTERN }));
    await events.send(new DisableRuleCommand({ Name: "r" }));
    expect((await events.send(new DescribeRuleCommand({ Name: "r" }))).State).toBe("DISABLED");
    await events.send(new EnableRuleCommand({ Name: "r" }));
    expect((await events.send(new DescribeRuleCommand({ Name: "r" }))).State).toBe("ENABLED");
  });

  it("refuse a rule that does not exist", async () => {
    expect(
      await failureOf(emulator().events.send(new DisableRuleCommand({ Name: "nope" }))),
    ).toMatchObject({ name: "ResourceNotFoundException" });
  });
});

describe("DeleteRule", () => {
  it("deletes a rule, and does nothing for one that does not exist", async () => {
    const { events } = emulator();
    await events.send(new PutRuleCommand({ Name: "r", EventPattern: PATTERN }));
    await events.send(new DeleteRuleCommand({ Name: "r" }));
    await events.send(new DeleteRuleCommand({ Name: "r" }));
    expect((await events.send(new ListRulesCommand({}))).Rules).toEqual([]);
  });

  it("refuses to delete a rule that has targets (recorded)", async () => {
    const { events, ruleWith } = emulator();
    await ruleWith({ Name: "r", EventPattern: PATTERN }, [{ Id: "q", Arn: queueArn("q") }]);
    expect(await failureOf(events.send(new DeleteRuleCommand({ Name: "r" })))).toMatchObject({
      name: "ValidationException",
      message: "Rule can't be deleted since it has targets.",
    });
  });
});

describe("ListRules", () => {
  it("lists a bus's rules by name, with a prefix, a page at a time", async () => {
    const { events } = emulator();
    for (const name of ["b-2", "a-1", "b-1", "b-3"]) {
      await events.send(new PutRuleCommand({ Name: name, EventPattern: PATTERN }));
    }
    const first = await events.send(new ListRulesCommand({ NamePrefix: "b-", Limit: 2 }));
    expect(first.Rules?.map((rule) => rule.Name)).toEqual(["b-1", "b-2"]);
    expect(first.Rules?.[0]).toEqual({
      Name: "b-1",
      Arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/b-1`,
      EventPattern: PATTERN,
      State: "ENABLED",
      EventBusName: "default",
    });
    const second = await events.send(
      new ListRulesCommand({ NamePrefix: "b-", Limit: 2, NextToken: first.NextToken }),
    );
    expect(second.Rules?.map((rule) => rule.Name)).toEqual(["b-3"]);
    expect(second.NextToken).toBeUndefined();
  });

  it("lists only the rules of the bus asked for", async () => {
    const { events } = emulator();
    await events.send(new CreateEventBusCommand({ Name: "orders" }));
    await events.send(new PutRuleCommand({ Name: "on-default", EventPattern: PATTERN }));
    await events.send(
      new PutRuleCommand({ Name: "on-orders", EventPattern: PATTERN, EventBusName: "orders" }),
    );
    const { Rules } = await events.send(new ListRulesCommand({ EventBusName: "orders" }));
    expect(Rules?.map((rule) => rule.Name)).toEqual(["on-orders"]);
  });

  it("refuses a token it did not issue", async () => {
    expect(
      await failureOf(emulator().events.send(new ListRulesCommand({ NextToken: "bogus" }))),
    ).toMatchObject({ name: "ValidationException" });
  });
});
