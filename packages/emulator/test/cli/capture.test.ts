import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { captureEvents } from "../../../runtime/src/capture/index.js";
import { runCli } from "../../src/cli/run-cli.js";
import { parseRecordingLine } from "../../src/recording/format.js";
import { memoryIo, type TempProject, tempProject } from "./cli-support.js";

const APP = `
import { Domovoi } from "@domovoi/runtime";
export const app = new Domovoi({ name: "shop" });
app.sqsQueueSubscriber("orders", async (event) => ({ count: event.Records.length }));
export const handler = app.handler;
`;

const FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:shop-prod";
const small = {
  Records: [
    {
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:us-east-1:123456789012:orders",
      body: "hi",
      messageId: "1",
      receiptHandle: "r",
      attributes: {},
      messageAttributes: {},
      md5OfBody: "",
      awsRegion: "us-east-1",
    },
  ],
};
const large = { ...small, Records: [{ ...small.Records[0]!, body: "é".repeat(150_000) }] };

/** The log lines a captured handler writes for each event, as Lambda would log them. */
async function captureLines(event: unknown, invokedFunctionArn: string): Promise<string[]> {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    await captureEvents(async () => null)(event, { awsRequestId: "req", invokedFunctionArn });
  } finally {
    spy.mockRestore();
  }
  return writes.join("").split("\n").filter(Boolean);
}

const logs = mockClient(CloudWatchLogsClient);
let project: TempProject;
let smallLines: string[];
let largeLines: string[];

async function capture(...args: string[]) {
  const io = memoryIo(project.dir);
  const code = await runCli(["capture", ...args], io);
  return { code, io };
}

async function recorded(file: string) {
  const text = await readFile(join(project.dir, file), "utf8");
  return text
    .trim()
    .split("\n")
    .map((line, index) => parseRecordingLine(line, `${file}:${index + 1}`));
}

beforeAll(async () => {
  project = await tempProject({ "app.ts": APP });
  smallLines = await captureLines(small, FUNCTION_ARN);
  largeLines = await captureLines(large, `${FUNCTION_ARN}:live`);
});

beforeEach(() => logs.reset());

afterAll(async () => {
  logs.restore();
  await project?.remove();
});

describe("domovoi capture", () => {
  it("pulls capture lines from a log group, page by page, and reassembles split events", async () => {
    expect(largeLines.length).toBeGreaterThan(1);
    const [first, ...others] = largeLines;
    logs
      .on(FilterLogEventsCommand)
      .resolvesOnce({
        events: [...others, ...smallLines].map((message) => ({ message })),
        nextToken: "page-2",
      })
      .resolvesOnce({ events: [{ message: "START RequestId: req" }, { message: first }] });
    const { code, io } = await capture(
      "--log-group",
      "/aws/lambda/shop-prod",
      "--since",
      "2h",
      "--out",
      "prod.jsonl",
      "--region",
      "us-east-1",
    );
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toBe("Captured 2 events into prod.jsonl.\n");

    const calls = logs.commandCalls(FilterLogEventsCommand).map((call) => call.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      logGroupName: "/aws/lambda/shop-prod",
      filterPattern: '"domovoiCapture"',
    });
    expect(Date.now() - calls[0]!.startTime!).toBeGreaterThanOrEqual(2 * 3_600_000);
    expect(calls[1]).toMatchObject({ nextToken: "page-2" });

    const entries = await recorded("prod.jsonl");
    expect(entries.map((entry) => entry.event)).toEqual([small, large]);
    expect(entries[1]).toMatchObject({
      trigger: "capture:/aws/lambda/shop-prod",
      functionName: "shop-prod",
      qualifier: "live",
      requestId: "req",
    });
    expect(entries[1]?.outcome).toBeUndefined();
  });

  it("reads a saved `aws logs filter-log-events` export", async () => {
    const exported = {
      events: [...largeLines, ...smallLines].map((message, index) => ({
        timestamp: index,
        message,
      })),
    };
    await writeFile(join(project.dir, "export.json"), JSON.stringify(exported));
    const { code } = await capture("--from-export", "export.json", "--out", "from-json.jsonl");
    expect(code).toBe(0);
    const entries = await recorded("from-json.jsonl");
    expect(entries.map((entry) => entry.event)).toEqual([small, large]);
    expect(entries[0]?.trigger).toBe("capture:export.json");
  });

  it("reads a gzipped export of prefixed log lines, as CloudWatch exports to S3", async () => {
    const lines = smallLines.map((line) => `2024-05-01T12:00:00.000Z ${line}`).join("\n");
    await writeFile(join(project.dir, "000000.gz"), gzipSync(lines));
    const { code } = await capture("--from-export", "000000.gz", "--out", "from-s3.jsonl");
    expect(code).toBe(0);
    expect((await recorded("from-s3.jsonl")).map((entry) => entry.event)).toEqual([small]);
  });

  it("writes a recording that `domovoi replay` runs against the current code", async () => {
    const io = memoryIo(project.dir);
    expect(await runCli(["replay", "from-json.jsonl"], io)).toBe(0);
    expect(io.stdout).toContain(
      "Replayed 2 events: 0 same, 0 different, 2 without a recorded outcome.",
    );
  });

  it("fails when nothing was captured, and warns of events with missing parts", async () => {
    logs.on(FilterLogEventsCommand).resolves({ events: [{ message: largeLines[0] }] });
    const { code, io } = await capture("--log-group", "g", "--out", "none.jsonl");
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/warning: capture [\w-]+: part 2 of \d+ is missing/);
    expect(io.stderr).toContain("No captured events found");
  });

  it("wants exactly one source, and times it can read", async () => {
    expect((await capture()).code).toBe(2);
    expect((await capture("--log-group", "g", "--from-export", "f")).code).toBe(2);
    const { code, io } = await capture("--log-group", "g", "--since", "yesterday");
    expect(code).toBe(2);
    expect(io.stderr).toContain("--since must be a duration such as 30m");
  });
});
