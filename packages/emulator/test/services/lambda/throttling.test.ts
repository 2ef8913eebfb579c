import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFunctionInvoker } from "../../../src/services/lambda/index.js";
import { type Harness, json, payload, startHarness } from "./harness.js";

describe("concurrency", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ host: { reservedConcurrency: 1 } });
  });
  afterAll(() => h.close());

  /** Occupies the only execution environment until `release()`. */
  async function occupy() {
    const file = join(await mkdtemp(join(tmpdir(), "domovoi-hold-")), "release");
    const busy = h.client.send(
      new InvokeCommand({
        FunctionName: "invoker-dev",
        Payload: payload({ action: "hold", file }),
      }),
    );
    while (h.host.stats().running === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    return {
      async release() {
        await writeFile(file, "");
        const out = await busy;
        await rm(dirname(file), { recursive: true });
        return out;
      },
    };
  }

  it("throttles a synchronous call beyond the reserved concurrency at once", async () => {
    const busy = await occupy();
    const error = await h.client
      .send(
        new InvokeCommand({ FunctionName: "invoker-dev", Payload: payload({ action: "echo" }) }),
      )
      .catch((e) => e);
    expect(error.name).toBe("TooManyRequestsException");
    expect(error.message).toBe("Rate Exceeded.");
    expect(error.Reason).toBe("ReservedFunctionConcurrentInvocationLimitExceeded");
    expect(error.$metadata.httpStatusCode).toBe(429);
    expect(json((await busy.release()).Payload)).toBe("released");
  });

  it("tells the emulated services of a throttle, which they retry", async () => {
    const invoker = createFunctionInvoker(h.lambda);
    const busy = await occupy();
    const throttled = await invoker.invoke({
      payload: { action: "echo" },
      invocationType: "RequestResponse",
      trigger: "sqs:my_queue",
    });
    expect(throttled).toEqual({
      ok: false,
      kind: "throttled",
      error: { errorType: "TooManyRequestsException", errorMessage: "Rate Exceeded." },
    });
    await busy.release();
  });

  it("queues events rather than throttling them", async () => {
    const ran: string[] = [];
    h.lambda.on("invoked", ({ entry }) => ran.push(entry.invocationType));
    const busy = await occupy();
    const out = await h.client.send(
      new InvokeCommand({
        FunctionName: "invoker-dev",
        InvocationType: "Event",
        Payload: payload({ action: "echo" }),
      }),
    );
    expect(out.StatusCode).toBe(202);
    await busy.release();
    await h.lambda.idle();
    expect(ran).toEqual(["RequestResponse", "Event"]);
  });
});

describe("the function invoker of the emulated services", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("answers a poller's call with the result or the function's error", async () => {
    const invoker = createFunctionInvoker(h.lambda);
    const triggers: string[] = [];
    h.lambda.on("invoked", ({ entry }) => triggers.push(entry.trigger));
    expect(
      await invoker.invoke({
        payload: { action: "echo", n: 1 },
        invocationType: "RequestResponse",
        trigger: "sqs:q",
      }),
    ).toEqual({ ok: true, payload: { echo: { action: "echo", n: 1 } } });
    expect(
      await invoker.invoke({
        payload: { action: "fail" },
        invocationType: "RequestResponse",
        trigger: "sqs:q",
      }),
    ).toEqual({
      ok: false,
      kind: "function",
      error: { errorType: "RangeError", errorMessage: "no beer left" },
    });
    expect(triggers).toEqual(["sqs:q", "sqs:q"]);
  });

  it("accepts a push source's event and leaves its retries to Lambda", async () => {
    const invoker = createFunctionInvoker(h.lambda);
    const entries: { trigger: string; attempt?: number }[] = [];
    h.lambda.on("invoked", ({ entry }) => entries.push(entry));
    const outcome = await invoker.invoke({
      payload: { action: "fail" },
      invocationType: "Event",
      trigger: "sns:bartender",
    });
    expect(outcome).toEqual({ ok: true, payload: null });
    await h.lambda.idle();
    expect(entries).toMatchObject([{ trigger: "sns:bartender", attempt: 1 }]);
    expect(h.lambda.pendingEvents.waiting).toBe(1);
  });

  it("routes a task alias, and rejects one the app does not have", async () => {
    const invoker = createFunctionInvoker(h.lambda);
    const alias = h.host.manifest.stateMachines[0]!.tasks[0]!.alias;
    expect(
      await invoker.invoke({
        payload: { n: 5 },
        invocationType: "RequestResponse",
        qualifier: alias,
        trigger: "states:math",
      }),
    ).toEqual({ ok: true, payload: { doubled: 10, task: "Double" } });
    await expect(
      invoker.invoke({
        payload: {},
        invocationType: "RequestResponse",
        qualifier: "dv-000000",
        trigger: "states:math",
      }),
    ).rejects.toMatchObject({ code: "ResourceNotFoundException" });
  });
});
