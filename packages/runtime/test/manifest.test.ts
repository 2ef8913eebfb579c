import { describe, expect, it } from "vitest";
import { Domovoi, MANIFEST_VERSION, perRecord, RegistrationError } from "../src/index.js";

const noop = async () => {};

function shop() {
  const app = new Domovoi({ name: "shop" });
  app.scheduledFunction("rate(1 minute)", { name: "tick" }, noop);
  app.sqsQueueSubscriber("orders", { name: "orders", batchSize: 64 }, perRecord(noop));
  app.registerStateMachine(
    {
      StartAt: "Worker",
      States: { Worker: { Type: "Task", Resource: async function worker() {}, End: true } },
    },
    { name: "loop", type: "EXPRESS" },
  );
  return app;
}

describe("app.manifest()", () => {
  it("describes the app and every registration with effective options", () => {
    const manifest = shop().manifest();
    expect(manifest).toMatchObject({
      manifestVersion: MANIFEST_VERSION,
      app: "shop",
      registrations: [
        {
          kind: "schedule",
          name: "tick",
          key: "rate(1 minute)",
          options: { enabled: true, timezone: "UTC" },
        },
        {
          kind: "sqs",
          name: "orders",
          key: "orders",
          options: {
            batchSize: 64,
            maximumBatchingWindowInSeconds: 1,
            reportBatchItemFailures: true,
          },
        },
        {
          kind: "step-functions-task",
          name: "worker",
          options: { stateMachine: "loop", stateName: "Worker" },
        },
      ],
      stateMachines: [
        { name: "loop", type: "EXPRESS", tasks: [{ stateName: "Worker", registration: "worker" }] },
      ],
    });
  });

  it("is plain JSON, and a copy the caller may change", () => {
    const app = shop();
    const manifest = app.manifest();
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    (manifest.registrations as unknown[]).length = 0;
    expect(app.manifest().registrations).toHaveLength(3);
  });

  it("completes the app: later registrations are refused", () => {
    const app = shop();
    app.manifest();
    expect(() => app.scheduledFunction("rate(2 minutes)", noop)).toThrow(RegistrationError);
  });
});
