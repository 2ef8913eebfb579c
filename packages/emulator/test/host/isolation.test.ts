import { readFile, writeFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppLoadError, type FunctionHost } from "../../src/host/index.js";
import {
  copyFixture,
  ENDPOINT_URL,
  invokeAction,
  startFunctionHost,
  startHost,
} from "./host-fixtures.js";

async function loadError(start: Promise<FunctionHost>) {
  const error = await start.then(
    async (host) => {
      await host.close();
      throw new Error("the app loaded");
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppLoadError);
  return (error as AppLoadError).error;
}

describe("loading an app that cannot serve", () => {
  let project: Awaited<ReturnType<typeof copyFixture>> | undefined;
  afterEach(() => project?.remove());

  it("reports a module that throws while it initialises", async () => {
    const error = await loadError(startHost("throwing-module"));
    expect(error).toMatchObject({
      errorType: "Error",
      errorMessage: "module failed to initialise",
    });
  });

  it("reports a module without the handler as Runtime.HandlerNotFound", async () => {
    expect(await loadError(startHost("no-handler"))).toMatchObject({
      errorType: "Runtime.HandlerNotFound",
      errorMessage: "app.handler is undefined or not exported",
    });
  });

  it("reports a TypeScript syntax error as Runtime.UserCodeSyntaxError", async () => {
    project = await copyFixture("reload-app");
    await writeFile(project.entry, "export const handler = async () => {\n  return 1 +;\n};\n");
    const start = startFunctionHost({
      entry: project.entry,
      stage: "dev",
      endpointUrl: ENDPOINT_URL,
      prewarm: false,
    });
    const error = await loadError(start);
    expect(error.errorType).toBe("Runtime.UserCodeSyntaxError");
    expect(error.errorMessage).toMatch(/^SyntaxError: .*app\.ts:2:\d+/s);
  });

  it("reports an app whose manifest is not a Domovoi app's", async () => {
    project = await copyFixture("reload-app");
    await writeFile(project.entry, "export const handler = async () => 1;\n");
    const start = startFunctionHost({
      entry: project.entry,
      stage: "dev",
      endpointUrl: ENDPOINT_URL,
      prewarm: false,
    });
    expect((await loadError(start)).errorType).toBe("Domovoi.AppNotFound");
  });

  it("reports a manifest that does not name the app", async () => {
    project = await copyFixture("reload-app");
    const source = await readFile(project.entry, "utf8");
    await writeFile(project.entry, source.replace('app: "reloading"', 'title: "reloading"'));
    const start = startFunctionHost({
      entry: project.entry,
      stage: "dev",
      endpointUrl: ENDPOINT_URL,
      prewarm: false,
    });
    expect((await loadError(start)).errorType).toBe("Domovoi.InvalidManifest");
  });
});

describe("a failing invocation", () => {
  let host: FunctionHost;
  beforeAll(async () => {
    host = await startHost("actions-app", { timeoutSeconds: 0.3 });
  });
  afterAll(async () => {
    await host.close();
    expect(host.stats().environments).toBe(0);
  });

  /** The host still serves, from a fresh environment (a cold start) when the old one died. */
  async function expectServing(coldStart: boolean) {
    const result = await invokeAction(host, "echo");
    expect(result.status).toBe("success");
    expect(result.initDurationMs !== undefined).toBe(coldStart);
    expect(host.stats().environments).toBe(1);
  }

  it("is stopped past the timeout, even in a synchronous infinite loop", async () => {
    // An invocation that is never stopped would fail this test by its timeout.
    const result = await invokeAction(host, "spin");
    expect(result.status).toBe("timeout");
    expect(result.error).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: `RequestId: ${result.requestId} Error: Task timed out after 0.30 seconds`,
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(300);
    expect(result.logs.at(-1)?.text).toMatch(/\tStatus: timeout$/);
    await expectServing(true);
  });

  it("fails alone when the handler calls process.exit", async () => {
    const result = await invokeAction(host, "exit", { code: 3 });
    expect(result.error).toEqual({
      errorType: "Runtime.ExitError",
      errorMessage: `RequestId: ${result.requestId} Error: Runtime exited with error: exit status 3`,
    });
    expect(result.logs.at(-1)?.text).toMatch(/\tStatus: error\tError Type: Runtime\.ExitError$/);
    await expectServing(true);
  });

  it("fails with Runtime.UnhandledPromiseRejection on an unhandled rejection", async () => {
    const result = await invokeAction(host, "unhandled");
    expect(result.error).toMatchObject({
      errorType: "Runtime.UnhandledPromiseRejection",
      errorMessage: "Error: HelloError",
    });
    expect(result.error?.trace?.[0]).toBe("Runtime.UnhandledPromiseRejection: Error: HelloError");
    const logged = result.logs.find((line) => line.level === "ERROR")?.text ?? "";
    expect(logged).toContain("\tERROR\tUnhandled Promise Rejection \t{");
    await expectServing(true);
  });

  it("fails with the exception on an uncaught exception", async () => {
    const result = await invokeAction(host, "uncaught");
    expect(result.error).toMatchObject({ errorType: "RangeError", errorMessage: "from a timer" });
    expect(result.logs.some((line) => line.text.includes("\tERROR\tUncaught Exception \t{"))).toBe(
      true,
    );
    await expectServing(true);
  });

  it("does not disturb the environment when the handler only throws", async () => {
    expect((await invokeAction(host, "throw")).status).toBe("error");
    await expectServing(false);
  });
});
