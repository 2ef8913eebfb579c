import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import {
  formatReplayReport,
  parseRecordingLine,
  RECORDINGS_DIR,
  type RecordingEntry,
  RecordingWriter,
  reachedRegistrations,
  replay,
  replayOnHost,
} from "../../src/recording/index.js";
import { copyFixture, type Harness, payload, startHarness } from "../services/lambda/harness.js";

describe("recording every invocation", () => {
  let h: Harness;
  let dir: string;
  afterEach(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one JSON line per invocation under .domovoi/recordings", async () => {
    dir = await mkdtemp(join(tmpdir(), "domovoi-project-"));
    const writer = new RecordingWriter({ projectDir: dir });
    h = await startHarness({ recorder: writer });
    const task = h.host.manifest.stateMachines[0]!.tasks[0]!;
    const send = (input: Partial<ConstructorParameters<typeof InvokeCommand>[0]>) =>
      h.client.send(new InvokeCommand({ FunctionName: "invoker-dev", ...input }));
    const echo = await send({ Payload: payload({ action: "echo" }) });
    await send({ Qualifier: task.alias, Payload: payload({ n: 1 }) });
    await send({ Payload: payload({ action: "fail" }) });
    await send({ InvocationType: "Event", Payload: payload({ action: "flaky", key: "recorded" }) });
    await h.lambda.idle();
    await writer.flush();

    const text = await readFile(join(dir, RECORDINGS_DIR, "2024-03-01.jsonl"), "utf8");
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line, index) => parseRecordingLine(line, `line ${index + 1}`));
    expect(lines).toHaveLength(4);
    const [first, second, third, fourth] = lines as [
      RecordingEntry,
      RecordingEntry,
      RecordingEntry,
      RecordingEntry,
    ];
    expect(first).toMatchObject({
      time: "2024-03-01T17:00:00.000Z",
      trigger: "invoke-api",
      requestId: echo.$metadata.requestId,
      functionName: "invoker-dev",
      invocationType: "RequestResponse",
      event: { action: "echo" },
      outcome: { status: "success", result: { echo: { action: "echo" } } },
    });
    expect(first.durationMs).toBeGreaterThan(0);
    expect(first.logs?.at(-1)).toMatch(/^REPORT RequestId: /);
    expect(second).toMatchObject({
      qualifier: task.alias,
      registrations: [task.registration],
      outcome: { status: "success", result: { doubled: 2, task: "Double" } },
    });
    expect(third.outcome).toMatchObject({
      status: "error",
      error: { errorType: "RangeError", errorMessage: "no beer left" },
    });
    expect(fourth).toMatchObject({
      invocationType: "Event",
      attempt: 1,
      event: { action: "flaky", key: "recorded" },
    });
  });

  it("tells the registrations reached from the caller and from context.log lines", () => {
    const manifest = {
      manifestVersion: 1 as const,
      app: "a",
      stateMachines: [],
      registrations: ["foo", "bar"].map((name) => ({
        kind: "alb" as const,
        name,
        key: name,
        options: { multiValueHeaders: false },
      })),
    };
    const logged = (registration: string) =>
      JSON.stringify({ timestamp: "t", requestId: "r", registration, level: "INFO", message: 1 });
    expect(
      reachedRegistrations(manifest, "foo", [
        logged("bar"),
        logged("domovoi"),
        "{not json",
        logged("bar"),
      ]),
    ).toEqual(["foo", "bar"]);
  });
});

describe("replay", () => {
  let h: Harness;
  let project: Awaited<ReturnType<typeof copyFixture>>;
  afterEach(async () => {
    await h.close();
    await project.remove();
  });

  it("reports each result that the current code changed, ignoring volatile values", async () => {
    project = await copyFixture("versioned-app");
    const writer = new RecordingWriter({ projectDir: project.dir });
    h = await startHarness({ entry: project.entry, recorder: writer });
    const send = (event: unknown) =>
      h.client.send(new InvokeCommand({ FunctionName: "versioned-dev", Payload: payload(event) }));
    await send({ action: "report" });
    await send({ action: "fail-on-v1" });
    await writer.flush();
    const recordings = join(project.dir, RECORDINGS_DIR);

    const unchanged = await replay(recordings, replayOnHost(h.host));
    expect(unchanged).toMatchObject({ ok: true, same: 2, different: 0, unrecorded: 0 });

    const source = await readFile(project.entry, "utf8");
    await writeFile(project.entry, source.replace('const VERSION = "v1"', 'const VERSION = "v2"'));
    expect(await h.host.reload()).toMatchObject({ ok: true });
    const report = await replay(recordings, replayOnHost(h.host));
    expect(report).toMatchObject({ ok: false, same: 0, different: 2 });
    const [changed, fixed] = report.entries;
    expect(changed?.differences).toEqual([
      { path: "$.result.version", recorded: "v1", replayed: "v2" },
    ]);
    expect(changed?.source).toEqual({ file: join(recordings, "2024-03-01.jsonl"), line: 1 });
    expect(fixed?.differences.map((difference) => difference.path)).toEqual([
      "$.status",
      "$.error",
      "$.result",
    ]);
    expect(formatReplayReport(report)).toMatch(
      /^✗ 2024-03-01T17:00:00\.000Z invoke-api \(.*2024-03-01\.jsonl:1\)\n {4}\$\.result\.version: recorded "v1", replayed "v2"\n✗ .*\n(?: {4}.*\n){3}2 replayed: 0 same, 2 different, 0 without a recorded outcome\.$/,
    );

    const ignoring = await replay(recordings, replayOnHost(h.host), {
      ignorePaths: ["$.result.version"],
    });
    expect(ignoring.entries.map((entry) => entry.verdict)).toEqual(["same", "different"]);
    const raw = await replay(recordings, replayOnHost(h.host), { normalize: false });
    expect(raw.entries[0]?.differences.map((difference) => difference.path).sort()).toEqual([
      "$.result.at",
      "$.result.epochMs",
      "$.result.requestId",
      "$.result.version",
    ]);
  });

  it("replays captured events, which have no outcome to compare with", async () => {
    project = await copyFixture("versioned-app");
    h = await startHarness({ entry: project.entry });
    const captured: RecordingEntry = {
      v: 1,
      time: "2024-03-01T17:00:00Z",
      trigger: "capture:/aws/lambda/versioned-prod",
      invocationType: "RequestResponse",
      registrations: [],
      event: {},
    };
    const report = await replay([captured], replayOnHost(h.host));
    expect(report).toMatchObject({ ok: true, unrecorded: 1 });
    expect(report.entries[0]?.outcome).toMatchObject({
      status: "success",
      result: { version: "v1" },
    });
    expect(formatReplayReport(report)).toMatch(
      /^\? 2024-03-01T17:00:00Z capture:\/aws\/lambda\/versioned-prod: now \{"status":"success"/,
    );
  });
});
