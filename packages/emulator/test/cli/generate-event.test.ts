import { describe, expect, it } from "vitest";
import { type DetectedSource, detectSource } from "../../../runtime/src/sources/index.js";
import { EVENT_KIND_HELP } from "../../src/cli/event-kind-help.js";
import { runCli } from "../../src/cli/run-cli.js";
import { EVENT_KINDS, generateEvent, InvalidEventParamsError } from "../../src/events/index.js";
import { memoryIo, REPO, runCliProcess } from "./cli-support.js";

/** The parameters a generator accepts, read from its refusal of an unknown one. */
function acceptedParams(kind: string): string[] {
  try {
    generateEvent(kind, { "not-a-parameter": 1 });
  } catch (error) {
    if (!(error instanceof InvalidEventParamsError)) throw error;
    return /expected one of ([^)]*)\)/.exec(error.message)?.[1]?.split(", ") ?? [];
  }
  throw new Error(`the ${kind} generator accepted an unknown parameter`);
}

async function generate(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(["generate-event", ...args], io);
  return { code, io, event: code === 0 ? (JSON.parse(io.stdout) as unknown) : undefined };
}

describe("domovoi generate-event", () => {
  it("documents exactly the parameters of every generator", () => {
    for (const kind of EVENT_KINDS) {
      expect(Object.keys(EVENT_KIND_HELP[kind].params).sort(), kind).toEqual(
        acceptedParams(kind).sort(),
      );
    }
  });

  it("prints an event the runtime routes, from a spawned CLI", async () => {
    const run = await runCliProcess(
      ["generate-event", "sqs", "--queue", "my_queue", "--body", '{"beer":1}'],
      REPO,
    );
    expect(run.code).toBe(0);
    const event = JSON.parse(run.stdout) as { Records: { body: string; md5OfBody: string }[] };
    expect(event.Records[0]?.body).toBe('{"beer":1}');
    expect(detectSource(event)).toMatchObject({ kind: "sqs", key: "my_queue" });
  });

  it("keeps text parameters as typed and parses JSON ones", async () => {
    const { event } = await generate(
      "s3",
      "--bucket=my-s3-bucket",
      "--key",
      "123",
      "--size",
      "42",
      "--source-ip-address",
      "10.0.0.1",
    );
    const record = (event as { Records: { s3: { object: { key: string; size: number } } }[] })
      .Records[0]!;
    expect(record.s3.object).toMatchObject({ key: "123", size: 42 });
  });

  it("collects repeated list flags and reads a bare flag as true", async () => {
    const { event } = await generate("logs", "--control");
    expect(detectSource(event).kind).toBe("logs-control-message");
    const many = await generate("s3", "--bucket", "b-1", "--keys", "a", "--keys", "b");
    expect((many.event as { Records: unknown[] }).Records).toHaveLength(2);
  });

  it("routes a schedule event by the schedule's name", async () => {
    const { event } = await generate("schedule", "--name", "bartender-dev-foo");
    expect(detectSource(event) as DetectedSource).toMatchObject({
      kind: "schedule",
      key: "bartender-dev-foo",
    });
  });

  it("refuses an unknown kind, an unknown flag and a stray argument with exit code 2", async () => {
    for (const args of [["sqss"], ["sqs", "--queu", "q"], ["sqs", "my_queue"], []]) {
      const { code, io } = await generate(...args);
      expect(code, args.join(" ")).toBe(2);
      expect(io.stderr).toContain("domovoi generate-event --help");
    }
  });

  it("reports an invalid parameter value with the generator's message and exit code 1", async () => {
    const { code, io } = await generate(
      "sqs",
      "--queue",
      "q",
      "--body",
      "x",
      "--receive-count",
      "0",
    );
    expect(code).toBe(1);
    expect(io.stderr).toContain("parameter receiveCount of the sqs event generator");
  });

  it("lists the kinds, and the flags of one kind, under --help", async () => {
    const overview = memoryIo();
    await runCli(["generate-event", "--help"], overview);
    for (const kind of EVENT_KINDS) expect(overview.stdout).toContain(`  ${kind} `);
    const sqs = memoryIo();
    await runCli(["generate-event", "sqs", "--help"], sqs);
    expect(sqs.stdout).toContain("--receive-count <value>");
  });
});
