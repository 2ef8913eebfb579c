import {
  CloudWatchLogsClient,
  CreateLogStreamCommand,
  DescribeSubscriptionFiltersCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { Domovoi } from "@domovoi/runtime";
import type { CloudWatchLogsDecodedData, EventBridgeEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { FUNCTION_ARN, REGION, wire } from "./harness.js";

describe("cloudwatchEventHandler registrations", () => {
  it("get their rule on their bus, whose wrapper routes each event to that handler", async () => {
    const got: unknown[] = [];
    const app = new Domovoi({ name: "shop" });
    app.cloudwatchEventHandler(
      { source: ["shop.orders"] },
      { name: "orders", eventBusName: "shop-bus" },
      async (event: EventBridgeEvent<string, unknown>) => {
        got.push(event.detail);
      },
    );
    const wired = await wire(app);
    const rule = wired.aws.eventBridge.eventBus(REGION, "shop-bus").rules.get("shop-dev-orders");
    expect(rule?.targets.get("domovoi")?.definition.arn).toBe(FUNCTION_ARN);
    const events = new EventBridgeClient(wired.sdk);
    await events.send(
      new PutEventsCommand({
        Entries: ["default", "shop-bus"].map((EventBusName, index) => ({
          EventBusName,
          Source: "shop.orders",
          DetailType: "Order Placed",
          Detail: JSON.stringify({ index }),
        })),
      }),
    );
    events.destroy();
    await wired.until(() => got.length > 0, "the event");
    await wired.clock.advance(1000);
    expect(got).toEqual([{ index: 1 }]);
    expect(wired.invoker.invocations[0]?.request.payload).toMatchObject({
      domovoiRule: "shop-dev-orders",
      event: { source: "shop.orders", "detail-type": "Order Placed" },
    });
  });
});

describe("cloudwatchLogsSubFilterHandler registrations", () => {
  it("get their log group and subscription filter, which delivers the matching lines", async () => {
    const batches: CloudWatchLogsDecodedData[] = [];
    const app = new Domovoi({ name: "shop" });
    app.cloudwatchLogsSubFilterHandler(
      { logGroupName: "/shop/audit", filterPattern: "ERROR", name: "audit" },
      async (event: CloudWatchLogsDecodedData) => {
        batches.push(event);
      },
    );
    const wired = await wire(app);
    const logs = new CloudWatchLogsClient(wired.sdk);
    const { subscriptionFilters } = await logs.send(
      new DescribeSubscriptionFiltersCommand({ logGroupName: "/shop/audit" }),
    );
    expect(subscriptionFilters).toMatchObject([
      { filterName: "shop-dev-audit", filterPattern: "ERROR", destinationArn: FUNCTION_ARN },
    ]);
    const target = { logGroupName: "/shop/audit", logStreamName: "web" };
    await logs.send(new CreateLogStreamCommand(target));
    await logs.send(
      new PutLogEventsCommand({
        ...target,
        logEvents: ["INFO fine", "ERROR broken"].map((message) => ({
          timestamp: wired.clock.now(),
          message,
        })),
      }),
    );
    logs.destroy();
    await wired.until(() => batches.length > 0, "the batch");
    expect(batches[0]?.logEvents.map((event) => event.message)).toEqual(["ERROR broken"]);
  });
});
