import { DescribeSubscriptionFiltersCommand } from "@aws-sdk/client-cloudwatch-logs";
import { Domovoi, physicalNames } from "@domovoi/runtime";
import type { CloudWatchLogsDecodedData, Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { provisionAppSubscriptions } from "../../../src/services/logs/index.js";
import { ACCOUNT, FUNCTION_ARN, FUNCTION_NAME, REGION, useLogsEmulator } from "./harness.js";

const emulator = useLogsEmulator();

function bartender() {
  const seen: CloudWatchLogsDecodedData[] = [];
  const app = new Domovoi({ name: "bartender" });
  app.cloudwatchLogsSubFilterHandler(
    { logGroupName: "watchtower", filterPattern: "{ $.x = 8 }" },
    async function monitor_cloudwatch_logs(data) {
      seen.push(data);
    },
  );
  return { app, seen };
}

const context = {
  functionName: FUNCTION_NAME,
  functionVersion: "$LATEST",
  invokedFunctionArn: FUNCTION_ARN,
  awsRequestId: "00000000-0000-0000-0000-000000000000",
} as Context;

describe("provisionAppSubscriptions", () => {
  it("creates the log group and the registration's filter under its physical name", async () => {
    const { app } = bartender();
    const { backend, logs } = emulator();
    provisionAppSubscriptions(backend, app.manifest(), "dev", REGION);
    const { subscriptionFilters } = await logs.send(
      new DescribeSubscriptionFiltersCommand({ logGroupName: "watchtower" }),
    );
    expect(subscriptionFilters).toEqual([
      expect.objectContaining({
        filterName: physicalNames(app.manifest(), "dev").registrations.monitor_cloudwatch_logs
          ?.subscriptionFilter,
        filterPattern: "{ $.x = 8 }",
        destinationArn: FUNCTION_ARN,
      }),
    ]);
  });

  it('runs monitor_cloudwatch_logs for {"x": 8} in watchtower, and not for {"x": 9}', async () => {
    const { app, seen } = bartender();
    const { backend, clock, invoker, stream, put } = emulator();
    provisionAppSubscriptions(backend, app.manifest(), "dev", REGION);
    await stream("watchtower", "web");
    await put("watchtower", "web", ['{"x": 9}']);
    await put("watchtower", "web", ['{"x": 8}']);
    await clock.advance(1_000);
    for (const payload of invoker.payloads()) await app.handler(payload, context);
    expect(seen).toEqual([
      expect.objectContaining({
        owner: ACCOUNT,
        logGroup: "watchtower",
        logEvents: [expect.objectContaining({ message: '{"x": 8}' })],
      }),
    ]);
  });
});
