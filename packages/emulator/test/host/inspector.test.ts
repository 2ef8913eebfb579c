import { once } from "node:events";
import { afterEach, expect, it } from "vitest";
import type { FunctionHost } from "../../src/host/index.js";
import { ENDPOINT_URL, fixtureEntry, startFunctionHost } from "./host-fixtures.js";

let host: FunctionHost | undefined;
afterEach(() => host?.close());

it("opens the inspector in the serving environment, with concurrency 1 and no timeout", async () => {
  host = await startFunctionHost({
    entry: fixtureEntry("actions-app"),
    stage: "dev",
    endpointUrl: ENDPOINT_URL,
    // Port 0: any free port, so that the test never collides with a debugger already running.
    inspect: { port: 0 },
    timeoutSeconds: 0.1,
    prewarm: false,
  });
  const firstUrl = host.inspectorUrl;
  expect(firstUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+$/);
  expect(host.concurrency).toBe(1);
  const result = await host.invoke({ payload: JSON.stringify({ action: "sleep", ms: 250 }) });
  expect(result.status).toBe("success");

  // After a reload the new environment takes the port over once the old one has ended.
  const handedOver = once(host, "inspector");
  await host.reload();
  const [{ url }] = (await handedOver) as [{ url: string }];
  expect(url).not.toBe(firstUrl);
  expect(host.inspectorUrl).toBe(url);
});
