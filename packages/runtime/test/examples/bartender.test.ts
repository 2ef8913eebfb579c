import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// SDK clients read these when the app creates them: calls go to a closed loopback port, once.
vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
vi.stubEnv("AWS_MAX_ATTEMPTS", "1");
const { app } = await import("../../../../examples/bartender/app.js");
const { bartenderSamples } = await import("../../../../examples/bartender/samples.js");

describe("examples/bartender", () => {
  beforeAll(() => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it("registers the original README's handlers", () => {
    const manifest = app.manifest();
    expect(manifest.registrations.map(({ kind, name, key }) => [kind, name, key])).toEqual([
      ["schedule", "foo", "cron(0 18 ? * MON-FRI *)"],
      ["schedule", "bar", "rate(1 minute)"],
      ["sns", "tend", "bartender"],
      ["sqs", "process_queue_messages", "my_queue"],
      ["eventbridge", "monitor_ecs_events", '{"source":["aws.ecs"]}'],
      ["s3", "monitor_s3", "my-s3-bucket"],
      ["dynamodb", "handle_dynamodb_stream", "MyDynamoTable"],
      ["logs", "monitor_cloudwatch_logs", "watchtower"],
      ["step-functions-task", "worker", manifest.stateMachines[0]!.tasks[0]!.alias],
    ]);
    expect(manifest.registrations[3]!.options).toMatchObject({
      batchSize: 64,
      maximumBatchingWindowInSeconds: 1,
    });
    expect(manifest.registrations[5]!.options).toEqual({
      events: ["s3:ObjectCreated:*"],
      prefix: "foo",
      suffix: ".bar",
      delivery: "sns",
    });
    expect(manifest.registrations[6]!.options).toMatchObject({ batchSize: 200 });
    expect(manifest.registrations[7]!.options).toEqual({ filterPattern: "{ $.x = 8 }" });
  });

  for (const { title, event, context, outcome } of bartenderSamples(app.manifest(), "dev")) {
    it(`${title}: ${outcome}`, async () => {
      const result = app.handler(event, context);
      if (outcome === "handled") await result;
      else await expect(result).rejects.toThrow();
    });
  }

  it("fails bar's publish on loopback, where nothing answers", async () => {
    const [, bar] = bartenderSamples(app.manifest(), "dev");
    await expect(app.handler(bar!.event, bar!.context)).rejects.toThrow(
      /ECONNREFUSED 127\.0\.0\.1:1/,
    );
  });
});
