import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createTestApp,
  type RecordingEntry,
  type TestApp,
  UnknownScheduleError,
  VirtualClock,
} from "@domovoi/emulator/testing";
import { afterEach, describe, expect, it } from "vitest";
import { INVALID_MANIFEST } from "../services/lambda/fixtures/invalid-manifest.js";

const BARTENDER = fileURLToPath(new URL("../../../../examples/bartender/app.ts", import.meta.url));
/** 1 March 2024 was a Friday. */
const friday = (hour: number, minute = 0) => new Date(Date.UTC(2024, 2, 1, hour, minute));
const monday = (hour: number) => new Date(Date.UTC(2024, 2, 4, hour));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("the test helper on the bartender example", () => {
  let app: TestApp;
  afterEach(() => app.close());

  const summary = (fired: Awaited<ReturnType<TestApp["advance"]>>) =>
    fired.map(({ schedule, scheduledTime, status }) => [
      schedule,
      scheduledTime.toISOString(),
      status,
    ]);

  it("fires foo at 18:00 on Friday and Monday across a weekend", async () => {
    app = await createTestApp({
      entry: BARTENDER,
      clock: new VirtualClock(friday(17)),
      schedules: ["foo"],
    });
    const fired = await app.advance(monday(19));
    expect(summary(fired)).toEqual([
      ["foo", "2024-03-01T18:00:00.000Z", "success"],
      ["foo", "2024-03-04T18:00:00.000Z", "success"],
    ]);
    expect(fired[0]!.result).toEqual({ result: true });
    expect(fired[0]!.event).toEqual({
      version: "0",
      id: expect.stringMatching(UUID),
      "detail-type": "Scheduled Event",
      source: "aws.scheduler",
      account: "000000000000",
      time: "2024-03-01T18:00:00Z",
      region: "us-east-1",
      resources: [
        `arn:aws:scheduler:us-east-1:000000000000:schedule/${app.names.scheduleGroup}/${app.names.registrations.foo!.schedule}`,
      ],
      detail: {},
    });
    expect(app.clock.now()).toBe(monday(19).getTime());
    expect(app.nextFireTimes().get("foo")).toEqual(new Date(Date.UTC(2024, 2, 5, 18)));
  });

  it("fires bar every minute, in order with foo, and bar's publish fails on loopback", async () => {
    app = await createTestApp({ entry: BARTENDER, clock: new VirtualClock(friday(17, 58)) });
    const fired = await app.advance(4 * 60_000);
    expect(summary(fired)).toEqual([
      ["bar", "2024-03-01T17:58:00.000Z", "error"],
      ["bar", "2024-03-01T17:59:00.000Z", "error"],
      ["foo", "2024-03-01T18:00:00.000Z", "success"],
      ["bar", "2024-03-01T18:00:00.000Z", "error"],
      ["bar", "2024-03-01T18:01:00.000Z", "error"],
      ["bar", "2024-03-01T18:02:00.000Z", "error"],
    ]);
    const bar = fired[0]!;
    expect(bar.error).toMatchObject({
      errorType: "Error",
      errorMessage: "connect ECONNREFUSED 127.0.0.1:1",
    });
    const lines = bar.logs.map((line) => line.text);
    expect(lines[0]).toBe(`START RequestId: ${bar.requestId} Version: $LATEST`);
    expect(JSON.parse(lines[1]!)).toMatchObject({
      registration: "bar",
      message: "bar invoked once a minute",
    });
    expect(lines[2]).toMatch(
      new RegExp(`\t${bar.requestId}\tERROR\tInvoke Error \t\\{"errorType":"Error"`),
    );
    expect(lines.at(-1)).toMatch(/^REPORT RequestId: .*\tMax Memory Used: \d+ MB$/);
    expect(app.logs).toEqual(expect.arrayContaining([...bar.logs]));
  });

  it("refuses to fire a schedule the app does not have", async () => {
    await expect(createTestApp({ entry: BARTENDER, schedules: ["baz"] })).rejects.toThrow(
      UnknownScheduleError,
    );
    app = await createTestApp({ entry: BARTENDER, schedules: [] });
    expect(await app.advance(24 * 60 * 60_000)).toEqual([]);
  });

  it("sends generated events to their handlers", async () => {
    app = await createTestApp({ entry: BARTENDER });
    const queue = await app.send("sqs", { queue: "my_queue", body: { order: 1 } });
    expect(queue).toMatchObject({ status: "success", result: { batchItemFailures: [] } });
    const topic = await app.send("sns", { topic: "bartender", message: { beer: 2 } });
    expect(topic.status).toBe("success");
    const logged = topic.logs.map((line) => line.text).find((text) => text.includes("Quadrupel"));
    expect(JSON.parse(logged!)).toMatchObject({
      registration: "tend",
      message: { beer: "Quadrupel", quantity: 2 },
    });
    const unknown = await app.send("sqs", { queue: "other_queue", body: "x" });
    expect(unknown.error).toMatchObject({ errorType: "NoHandlerError" });
  });

  it("invokes a Step Functions task through its alias", async () => {
    app = await createTestApp({ entry: BARTENDER });
    const alias = Object.values(app.names.stateMachines)[0]!.taskAliases.Worker!;
    const task = await app.invoke({ input: 41 }, { qualifier: alias });
    expect(task.result).toEqual({ result: 42, my_state: "Worker" });
    await expect(app.invoke({ big: 1n })).rejects.toMatchObject({
      code: "InvalidRequestContentException",
    });
    await expect(app.invoke({}, { qualifier: "live" })).rejects.toMatchObject({
      code: "ResourceNotFoundException",
      message:
        "Function not found: arn:aws:lambda:us-east-1:000000000000:function:bartender-dev:live",
    });
  });

  it("replays a recording, entry by entry", async () => {
    app = await createTestApp({ entry: BARTENDER });
    const alias = Object.values(app.names.stateMachines)[0]!.taskAliases.Worker!;
    const entry = (event: unknown, fields: Partial<RecordingEntry>): RecordingEntry => ({
      v: 1,
      time: "2024-03-01T18:00:00.000Z",
      trigger: "test",
      invocationType: "RequestResponse",
      registrations: [],
      event: event as RecordingEntry["event"],
      ...fields,
    });
    const dir = await mkdtemp(join(tmpdir(), "domovoi-replay-"));
    const file = join(dir, "recording.jsonl");
    const lines = [
      entry(
        { input: 1 },
        {
          qualifier: alias,
          outcome: { status: "success", result: { result: 2, my_state: "Worker" } },
        },
      ),
      entry(
        { input: 2 },
        {
          qualifier: alias,
          outcome: { status: "success", result: { result: 2, my_state: "Worker" } },
        },
      ),
      entry({ Records: [] }, { trigger: "capture:/aws/lambda/bartender-prod" }),
    ];
    await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
    try {
      const report = await app.replay(file);
      expect(report).toMatchObject({ ok: false, same: 1, different: 1, unrecorded: 1 });
      expect(report.entries.map(({ verdict, differences }) => [verdict, differences])).toEqual([
        ["same", []],
        ["different", [{ path: "$.result.result", recorded: 2, replayed: 3 }]],
        ["unrecorded", []],
      ]);
      expect(report.entries[2]!.outcome).toMatchObject({
        status: "error",
        error: { errorType: "UnrecognizedEventError" },
      });
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe("the test helper on an app object", () => {
  let app: TestApp;
  afterEach(() => app.close());

  const probe = {
    manifest: () => ({
      manifestVersion: 1 as const,
      app: "probe",
      registrations: [],
      stateMachines: [],
    }),
    handler: async (
      event: { wait?: boolean },
      context: Record<string, unknown> & { getRemainingTimeInMillis(): number },
    ) => {
      console.log("probing %s", "now");
      if (event.wait) await new Promise(() => {});
      return {
        awsRequestId: context.awsRequestId,
        invokedFunctionArn: context.invokedFunctionArn,
        functionName: context.functionName,
        memoryLimitInMB: context.memoryLimitInMB,
        remaining: context.getRemainingTimeInMillis(),
        table: process.env.TABLE,
        region: process.env.AWS_REGION,
        functionNameVariable: process.env.AWS_LAMBDA_FUNCTION_NAME,
        logStreamName: context.logStreamName,
        logStreamVariable: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      };
    },
  };

  it("gives the handler a Lambda context and the stage's environment, and restores it after", async () => {
    const before = process.env.TABLE;
    app = await createTestApp({
      app: probe,
      stage: "test",
      config: {
        region: "eu-west-1",
        environmentVariables: { TABLE: "beers" },
        lambdaMemorySize: 256,
      },
    });
    const probed = await app.invoke({});
    expect(probed.result).toEqual({
      awsRequestId: probed.requestId,
      invokedFunctionArn: "arn:aws:lambda:eu-west-1:000000000000:function:probe-test",
      functionName: "probe-test",
      memoryLimitInMB: "256",
      remaining: expect.any(Number),
      table: "beers",
      region: "eu-west-1",
      functionNameVariable: "probe-test",
      logStreamName: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/),
      logStreamVariable: (probed.result as { logStreamName: string }).logStreamName,
    });
    expect((probed.result as { remaining: number }).remaining).toBeGreaterThan(59_000);
    expect(probed.logs[1]!.text).toMatch(
      new RegExp(`^\\S+\t${probed.requestId}\tINFO\tprobing now$`),
    );
    await app.close();
    expect(process.env.TABLE).toBe(before);
  });

  it("reports a handler running past the stage's timeout as Lambda does", async () => {
    app = await createTestApp({ app: probe, config: { lambdaTimeout: 0.1 } });
    const timedOut = await app.invoke({ wait: true });
    expect(timedOut.status).toBe("timeout");
    expect(timedOut.error).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: `RequestId: ${timedOut.requestId} Error: Task timed out after 0.10 seconds`,
    });
    expect(timedOut.logs.at(-1)?.text).toMatch(/\tStatus: timeout$/);
  });
});

describe("loading an app in-process", () => {
  it("validates its manifest as AWS would", async () => {
    const invalid = { handler: async () => null, manifest: () => INVALID_MANIFEST as never };
    await expect(createTestApp({ app: invalid })).rejects.toMatchObject({
      name: "RegistrationError",
      message: expect.stringMatching(/^sns tend: /),
    });
  });
});
