import {
  DeleteRuleCommand,
  DisableRuleCommand,
  PutRuleCommand,
  RemoveTargetsCommand,
} from "@aws-sdk/client-eventbridge";
import { describe, expect, it } from "vitest";
import { detectSource } from "../../../../runtime/src/sources/index.js";
import { ACCOUNT, FUNCTION_ARN, REGION, useEventBridgeEmulator } from "./harness.js";

const emulator = useEventBridgeEmulator();

describe("scheduled rules", () => {
  it("send the Scheduled Event to their targets on the clock", async () => {
    const { ruleWith, invoker, clock } = emulator();
    await ruleWith({ Name: "every-minute", ScheduleExpression: "rate(1 minute)" }, [
      { Id: "fn", Arn: FUNCTION_ARN },
    ]);
    await clock.advance(59_000);
    expect(invoker.invocations).toEqual([]);
    await clock.advance(1_000);
    expect(invoker.payloads()).toEqual([
      {
        version: "0",
        id: expect.any(String),
        "detail-type": "Scheduled Event",
        source: "aws.events",
        account: ACCOUNT,
        time: "2024-05-01T12:01:00Z",
        region: REGION,
        resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/every-minute`],
        detail: {},
      },
    ]);
    expect(detectSource(invoker.payloads()[0])).toMatchObject({
      kind: "schedule",
      key: "every-minute",
    });
    await clock.advance(120_000);
    expect(invoker.invocations).toHaveLength(3);
  });

  it("fire cron rules at their times", async () => {
    const { ruleWith, invoker, clock } = emulator();
    await ruleWith({ Name: "evening", ScheduleExpression: "cron(0 18 ? * MON-FRI *)" }, [
      { Id: "fn", Arn: FUNCTION_ARN },
    ]);
    await clock.advanceTo(Date.parse("2024-05-01T18:00:00Z"));
    expect(invoker.payloads()).toEqual([expect.objectContaining({ time: "2024-05-01T18:00:00Z" })]);
  });

  it("stop while disabled and once deleted", async () => {
    const { ruleWith, invoker, clock, events } = emulator();
    await ruleWith({ Name: "tick", ScheduleExpression: "rate(1 minute)" }, [
      { Id: "fn", Arn: FUNCTION_ARN },
    ]);
    await events.send(new DisableRuleCommand({ Name: "tick" }));
    await clock.advance(5 * 60_000);
    expect(invoker.invocations).toEqual([]);
    await events.send(
      new PutRuleCommand({ Name: "tick", ScheduleExpression: "rate(1 minute)", State: "ENABLED" }),
    );
    await clock.advance(60_000);
    expect(invoker.invocations).toHaveLength(1);
    await events.send(new RemoveTargetsCommand({ Rule: "tick", Ids: ["fn"] }));
    await events.send(new DeleteRuleCommand({ Name: "tick" }));
    await clock.advance(5 * 60_000);
    expect(invoker.invocations).toHaveLength(1);
  });
});
