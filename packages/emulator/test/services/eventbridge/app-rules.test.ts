import { DescribeRuleCommand, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { Domovoi, physicalNames } from "@domovoi/runtime";
import type { Context, EventBridgeEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { provisionAppRules } from "../../../src/services/eventbridge/index.js";
import { ACCOUNT, FUNCTION_NAME, REGION, useEventBridgeEmulator } from "./harness.js";

const emulator = useEventBridgeEmulator();

function bartender() {
  const seen: { handler: string; event: EventBridgeEvent<string, unknown> }[] = [];
  const app = new Domovoi({ name: "bartender" });
  app.cloudwatchEventHandler({ source: ["aws.ecs"] }, async function monitor_ecs_events(event) {
    seen.push({ handler: "monitor_ecs_events", event });
  });
  app.cloudwatchEventHandler(
    { source: ["billing"] },
    { eventBusName: "billing-bus" },
    async function invoices(event) {
      seen.push({ handler: "invoices", event });
    },
  );
  return { app, seen };
}

const context = {
  functionName: FUNCTION_NAME,
  functionVersion: "$LATEST",
  invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${FUNCTION_NAME}`,
  awsRequestId: "00000000-0000-0000-0000-000000000000",
} as Context;

describe("provisionAppRules", () => {
  it("creates each registration's rule under its physical name, on its bus", async () => {
    const { app } = bartender();
    const { backend, events } = emulator();
    provisionAppRules(backend, app.manifest(), "dev", REGION);
    const names = physicalNames(app.manifest(), "dev").registrations;
    const ecs = await events.send(
      new DescribeRuleCommand({ Name: names.monitor_ecs_events?.rule }),
    );
    expect(ecs).toMatchObject({ EventPattern: '{"source":["aws.ecs"]}', State: "ENABLED" });
    const billing = await events.send(
      new DescribeRuleCommand({ Name: names.invoices?.rule, EventBusName: "billing-bus" }),
    );
    expect(billing.EventBusName).toBe("billing-bus");
  });

  it("delivers a matching event so that the app's handler of that rule runs", async () => {
    const { app, seen } = bartender();
    const { backend, events, deliver, invoker } = emulator();
    provisionAppRules(backend, app.manifest(), "dev", REGION);
    await events.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: "aws.ecs",
            DetailType: "ECS Task State Change",
            Detail: '{"lastStatus":"STOPPED"}',
          },
          { Source: "aws.ec2", DetailType: "EC2 Instance State-change", Detail: "{}" },
        ],
      }),
    );
    await deliver();
    expect(invoker.invocations).toHaveLength(1);
    await app.handler(invoker.payloads()[0], context);
    expect(seen).toEqual([
      {
        handler: "monitor_ecs_events",
        event: expect.objectContaining({
          source: "aws.ecs",
          detail: { lastStatus: "STOPPED" },
        }),
      },
    ]);
  });
});
