import type { SQSEvent } from "aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Domovoi, type DomovoiContext } from "../src/index.js";
import { fixtureLabelled } from "./support/fixtures.js";
import { lambdaContext } from "./support/lambda-context.js";

async function contextOf(lambda = lambdaContext()): Promise<DomovoiContext> {
  const app = new Domovoi({ name: "shop" });
  let seen: DomovoiContext | undefined;
  app.sqsQueueSubscriber("my-queue", async function process_orders(_event: SQSEvent, context) {
    seen = context;
  });
  await app.handler(fixtureLabelled("sqs"), lambda);
  return seen!;
}

describe("handler context", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is the Lambda context, extended", async () => {
    const lambda = lambdaContext();
    const context = await contextOf(lambda);
    expect(context.awsRequestId).toBe(lambda.awsRequestId);
    expect(context.getRemainingTimeInMillis()).toBe(30_000);
    expect(context.stepFunctionsTaskName).toBeUndefined();
    expect(lambda).not.toHaveProperty("log");
  });

  it("logs one JSON line per call, with request id and registration", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const context = await contextOf();
    const cyclic: Record<string, unknown> = { beer: "Quadrupel", quantity: 1n };
    cyclic.self = cyclic;
    context.log(cyclic);
    context.log("foo invoked", 6, new Error("late"));
    const lines = write.mock.calls.map(([chunk]) => String(chunk));
    expect(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n"))).toBe(
      true,
    );
    const [first, second] = lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      level: "INFO",
      requestId: "c6af9ac6-7b61-11e6-9a41-93e812345678",
      registration: "process_orders",
      message: { beer: "Quadrupel", quantity: "1", self: "[Circular]" },
    });
    expect(Date.parse(first.timestamp)).not.toBeNaN();
    expect(second.message).toEqual([
      "foo invoked",
      6,
      expect.objectContaining({ message: "late" }),
    ]);
  });

  it("works without a Lambda context, as in a direct call from a test", async () => {
    const app = new Domovoi({ name: "shop" });
    app.sqsQueueSubscriber("my-queue", async (_event, context) => typeof context.log);
    await expect(app.handler(fixtureLabelled("sqs"))).resolves.toBe("function");
  });
});
