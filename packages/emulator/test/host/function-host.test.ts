import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunctionHost, type LogLine, type ReloadedEvent } from "../../src/host/index.js";
import { ENDPOINT_URL, fixtureEntry, invokeAction, startHost } from "./host-fixtures.js";

const ACTIONS_MANIFEST = {
  manifestVersion: 1,
  app: "actions",
  registrations: [],
  stateMachines: [],
};
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("FunctionHost", () => {
  let host: FunctionHost;
  const streamed: LogLine[] = [];
  const loaded: ReloadedEvent[] = [];

  beforeAll(async () => {
    process.env.HOME_SECRET = "must not leak into the app";
    host = new FunctionHost({
      entry: fixtureEntry("actions-app"),
      stage: "dev",
      endpointUrl: ENDPOINT_URL,
      prewarm: false,
      region: "eu-west-1",
      memorySizeMb: 256,
      timeoutSeconds: 3,
      environmentVariables: { TABLE_NAME: "beers" },
    });
    host.on("log", (line) => streamed.push(line));
    host.on("reloaded", (event) => loaded.push(event));
    await host.start();
  });
  afterAll(async () => {
    delete process.env.HOME_SECRET;
    await host.close();
    expect(host.stats().environments).toBe(0);
  });

  it("reports the first load as generation 1, with the module's init output", () => {
    expect(loaded).toEqual([
      {
        generation: 1,
        manifest: ACTIONS_MANIFEST,
        changedFiles: [],
        durationMs: expect.any(Number),
      },
    ]);
    expect(streamed.map((line) => line.text)).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\tundefined\tINFO\tinitialising$/),
    ]);
  });

  it("names the function after the app and the stage", () => {
    expect(host.functionName).toBe("actions-dev");
    expect(host.manifest).toEqual(ACTIONS_MANIFEST);
    expect(host.generation).toBe(1);
    expect(host.functionArn("live")).toBe(
      "arn:aws:lambda:eu-west-1:000000000000:function:actions-dev:live",
    );
  });

  it("includes the init output in the first invocation's logs", async () => {
    const first = await invokeAction(host, "echo");
    expect(first.initDurationMs).toBeGreaterThan(0);
    expect(first.logs.map((line) => line.text.split("\t").slice(1).join("\t"))).toContain(
      "undefined\tINFO\tinitialising",
    );
    expect(first.logs.at(-1)?.text).toMatch(/\tInit Duration: \d+\.\d{2} ms$/);
  });

  it("gives the app Lambda's environment variables and nothing of the host's", async () => {
    const result = await invokeAction(host, "env");
    const env = JSON.parse(result.payload);
    expect(env).toEqual({
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_SESSION_TOKEN: "test",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ENDPOINT_URL: ENDPOINT_URL,
      AWS_REGION: "eu-west-1",
      AWS_DEFAULT_REGION: "eu-west-1",
      AWS_LAMBDA_FUNCTION_NAME: "actions-dev",
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "256",
      AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
      AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/actions-dev",
      AWS_LAMBDA_LOG_STREAM_NAME: expect.stringMatching(
        /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/,
      ),
      _HANDLER: "app.handler",
      TABLE_NAME: "beers",
    });
  });

  it("gives each invocation a context with a real remaining time", async () => {
    const result = await host.invoke({
      payload: JSON.stringify({ action: "context" }),
      qualifier: "live",
      requestId: "5f7e6a4c-1111-4222-8333-444455556666",
    });
    const context = JSON.parse(result.payload);
    expect(context).toMatchObject({
      awsRequestId: "5f7e6a4c-1111-4222-8333-444455556666",
      invokedFunctionArn: "arn:aws:lambda:eu-west-1:000000000000:function:actions-dev:live",
      functionName: "actions-dev",
      functionVersion: "$LATEST",
      memoryLimitInMB: "256",
      logGroupName: "/aws/lambda/actions-dev",
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(context.remaining).toBeGreaterThan(2500);
    expect(context.remaining).toBeLessThanOrEqual(3000);
  });

  it("captures the handler's output as CloudWatch lines tagged with the request id", async () => {
    streamed.length = 0;
    const result = await invokeAction(host, "log");
    const { requestId } = result;
    expect(requestId).toMatch(REQUEST_ID);
    const texts = result.logs.map((line) => line.text);
    expect(texts[0]).toBe(`START RequestId: ${requestId} Version: $LATEST`);
    expect(texts.slice(1, 5).map((text) => text.split("\t").slice(1, 3))).toEqual([
      [requestId, "INFO"],
      [requestId, "INFO"],
      [requestId, "WARN"],
      [requestId, "ERROR"],
    ]);
    expect(texts[1]).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\t.*\tINFO\thello world$/,
    );
    expect(texts[2]?.endsWith("\tmulti\rline")).toBe(true);
    expect(texts[3]?.endsWith("\t{ beer: 1 }")).toBe(true);
    expect(texts[4]).toContain("\tError: logged\r    at ");
    expect(texts.slice(5, 7)).toEqual(["raw write", "to stderr"]);
    expect(texts[7]).toBe(`END RequestId: ${requestId}`);
    expect(texts[8]).toMatch(
      new RegExp(
        `^REPORT RequestId: ${requestId}\tDuration: \\d+\\.\\d{2} ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB\tMax Memory Used: \\d+ MB$`,
      ),
    );
    expect(result.logs.every((line) => line.requestId === requestId)).toBe(true);
    expect(streamed).toEqual(result.logs);
  });

  it("keeps an environment warm between invocations", async () => {
    const first = JSON.parse((await invokeAction(host, "echo")).payload);
    const second = await invokeAction(host, "echo");
    expect(JSON.parse(second.payload).invocations).toBe(first.invocations + 1);
    expect(second.initDurationMs).toBeUndefined();
    expect(host.stats()).toEqual({ running: 0, queued: 0, environments: 1 });
  });

  it("answers a thrown error with Lambda's error document and keeps the environment", async () => {
    const result = await invokeAction(host, "throw");
    expect(result.status).toBe("error");
    expect(result.error).toMatchObject({ errorType: "TypeError", errorMessage: "bad beer" });
    expect(result.error?.trace?.[0]).toBe("TypeError: bad beer");
    expect(JSON.parse(result.payload)).toEqual(result.error);
    const logged = result.logs.find((line) => line.level === "ERROR")?.text ?? "";
    expect(logged.split("\t").slice(2, 4)).toEqual(["ERROR", "Invoke Error "]);
    expect(JSON.parse(logged.split("\t")[4] ?? "")).toMatchObject({
      errorType: "TypeError",
      errorMessage: "bad beer",
    });
    expect((await invokeAction(host, "echo")).initDurationMs).toBeUndefined();
  });

  it("fails a result that cannot be serialised", async () => {
    const result = await invokeAction(host, "circular");
    expect(result.error).toMatchObject({
      errorType: "Error",
      errorMessage: "Unable to stringify response body",
    });
  });

  it("fails an async handler whose promise never settles with Runtime.NodeJsExit", async () => {
    const result = await invokeAction(host, "never");
    expect(result.error?.errorType).toBe("Runtime.NodeJsExit");
    expect(result.error?.errorMessage).toContain("a Promise that was never settled");
  });
});

describe("FunctionHost with callback handlers", () => {
  let host: FunctionHost;
  beforeAll(async () => {
    host = await startHost("callback-app");
  });
  afterAll(() => host.close());

  const invoke = (mode: string) => host.invoke({ payload: JSON.stringify({ mode }) });

  it("answers once the event loop is empty while callbackWaitsForEmptyEventLoop holds", async () => {
    const result = await invoke("wait-for-loop");
    expect(JSON.parse(result.payload)).toEqual({ timerRanBeforeCallback: false });
    expect(result.logs.some((line) => line.text.endsWith("\tINFO\ttimer ran"))).toBe(true);
  });

  it("answers at once when callbackWaitsForEmptyEventLoop is false", async () => {
    const result = await invoke("no-wait");
    expect(result.payload).toBe('"immediate"');
    expect(result.logs.some((line) => line.text.includes("late timer"))).toBe(false);
  });

  it("reports an error passed to the callback", async () => {
    expect((await invoke("error")).error?.errorMessage).toBe("callback error");
    expect((await invoke("unknown")).error).toEqual({
      errorType: "string",
      errorMessage: "unknown mode",
      trace: [],
    });
  });

  it("answers null for a synchronous handler that never calls back", async () => {
    expect((await invoke("plain-return")).payload).toBe("null");
  });
});
