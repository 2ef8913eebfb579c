import { afterEach, describe, expect, it } from "vitest";
import { type FunctionHost, TooManyRequestsError } from "../../src/host/index.js";
import { startHost } from "./host-fixtures.js";

const sleepEvent = (ms: number) => ({ payload: JSON.stringify({ action: "sleep", ms }) });

describe("concurrency", () => {
  let host: FunctionHost | undefined;
  afterEach(async () => {
    await host?.close();
    expect(host?.stats().environments).toBe(0);
  });

  it("rejects a synchronous invocation beyond the reserved concurrency at once", async () => {
    host = await startHost("actions-app", { reservedConcurrency: 1 });
    const running = host.invoke(sleepEvent(200));
    // "At once" means before the running invocation frees its environment, not after a wait.
    const throttled = await Promise.race([
      host.invoke(sleepEvent(0)).catch((error: unknown) => error),
      running.then(() => "the throttled call waited for the running one"),
    ]);
    expect(throttled).toBeInstanceOf(TooManyRequestsError);
    expect(throttled).toMatchObject({
      code: "TooManyRequestsException",
      message: "Rate Exceeded.",
      reason: "ReservedFunctionConcurrentInvocationLimitExceeded",
    });
    expect((await running).status).toBe("success");
    expect((await host.invoke(sleepEvent(0))).status).toBe("success");
  });

  it("queues asynchronous invocations until an environment is free", async () => {
    host = await startHost("actions-app", { concurrency: 1 });
    const order: number[] = [];
    const queued = [100, 50, 10].map((ms, index) =>
      host!.enqueue(sleepEvent(ms)).then((result) => {
        order.push(index);
        return result;
      }),
    );
    expect(host.stats()).toMatchObject({ running: 1, queued: 2 });
    await expect(host.invoke(sleepEvent(0))).rejects.toMatchObject({
      reason: "ConcurrentInvocationLimitExceeded",
    });
    const results = await Promise.all(queued);
    expect(order).toEqual([0, 1, 2]);
    expect(results.map((result) => result.payload)).toEqual([
      '{"slept":100}',
      '{"slept":50}',
      '{"slept":10}',
    ]);
    expect(host.stats()).toEqual({ running: 0, queued: 0, environments: 1 });
  });

  it("runs invocations in parallel environments up to the limit", async () => {
    host = await startHost("actions-app", { concurrency: 2 });
    const context = { payload: JSON.stringify({ action: "context" }) };
    const [slow, other] = await Promise.all([host.invoke(sleepEvent(300)), host.invoke(context)]);
    expect(slow.status).toBe("success");
    expect(other.initDurationMs).toBeDefined();
    expect(host.stats().environments).toBe(2);
  });

  it("throttles every synchronous invocation when the reserved concurrency is 0", async () => {
    host = await startHost("actions-app", { reservedConcurrency: 0 });
    await expect(host.invoke()).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(host.stats().queued).toBe(0);
  });
});
