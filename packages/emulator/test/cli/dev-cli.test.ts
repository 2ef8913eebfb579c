import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import type { DevFile } from "../../src/dev/dev-file.js";
import { memoryIo, runCliProcess, spawnCli, type TempProject, tempProject } from "./cli-support.js";

const app = (version: string) => `
import { Domovoi } from "@domovoi/runtime";
export const app = new Domovoi({ name: "shop" });
app.sqsQueueSubscriber("orders", async (event) => {
  console.log("orders", event.Records.length);
  return { version: "${version}", bodies: event.Records.map((record) => record.body) };
});
app.sqsQueueSubscriber("broken", async () => {
  throw new Error("broken queue");
});
export const handler = app.handler;
`;

const SPAWN_TIMEOUT = 60_000;

let project: TempProject;
let dev: ChildProcess;
let output = "";
let server: DevFile;
let lambda: LambdaClient;

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + SPAWN_TIMEOUT / 2;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; output so far:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function invokeSqs(queue: string, body: string) {
  const event = {
    Records: [
      {
        eventSource: "aws:sqs",
        eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queue}`,
        body,
        messageId: "m1",
        receiptHandle: "r",
        attributes: {},
        messageAttributes: {},
        md5OfBody: "",
        awsRegion: "us-east-1",
      },
    ],
  };
  const response = await lambda.send(
    new InvokeCommand({
      FunctionName: server.functionName,
      Payload: new TextEncoder().encode(JSON.stringify(event)),
      LogType: "Tail",
    }),
  );
  return {
    result: JSON.parse(new TextDecoder().decode(response.Payload)) as Record<string, unknown>,
    functionError: response.FunctionError,
    logs: Buffer.from(response.LogResult ?? "", "base64").toString("utf8"),
  };
}

/** The number of lines recorded so far. */
async function recordedLines(): Promise<number> {
  const folder = join(project.dir, ".domovoi/recordings");
  if (!existsSync(folder)) return 0;
  const { readdir } = await import("node:fs/promises");
  const texts = await Promise.all(
    (await readdir(folder)).map((name) => readFile(join(folder, name), "utf8")),
  );
  return texts.join("").split("\n").filter(Boolean).length;
}

beforeAll(async () => {
  project = await tempProject({ "app.ts": app("v1") });
  dev = spawnCli(["dev", "--port", "0", "--no-schedules"], project.dir);
  dev.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  dev.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const file = join(project.dir, ".domovoi/dev.json");
  server = await until("dev.json", async () =>
    existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as DevFile) : undefined,
  );
  lambda = new LambdaClient({
    endpoint: server.url,
    region: server.region,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}, SPAWN_TIMEOUT);

afterAll(async () => {
  lambda?.destroy();
  if (dev && dev.exitCode === null) dev.kill("SIGKILL");
  await project?.remove();
});

describe("domovoi dev, invoke and replay, as a user runs them", { timeout: SPAWN_TIMEOUT }, () => {
  it("announces the function, its address and routes, and writes .domovoi/dev.json", () => {
    expect(server).toEqual({
      port: expect.any(Number),
      pid: dev.pid,
      url: `http://127.0.0.1:${server.port}`,
      stage: "dev",
      functionName: "shop-dev",
      region: "us-east-1",
    });
    expect(output).toContain(`domovoi dev: shop-dev (stage dev) on ${server.url}`);
    expect(output).toMatch(/sqs\s+sqs-orders\s+orders/);
  });

  it("serves the Lambda Invoke API to @aws-sdk/client-lambda, with the logs in the terminal", async () => {
    const { result, logs } = await invokeSqs("orders", "hi");
    expect(result).toEqual({ version: "v1", bodies: ["hi"] });
    expect(logs).toContain("INFO\torders 1");
    await until("the log line in the terminal", () => output.includes("INFO\torders 1"));
  });

  it("runs `domovoi invoke <kind>` against it: the result on stdout, logs on stderr", async () => {
    const run = await runCliProcess(
      ["invoke", "sqs", "--queue", "orders", "--body", '{"beer":1}', "--logs"],
      project.dir,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ version: "v1", bodies: ['{"beer":1}'] });
    expect(run.stderr).toMatch(/^START RequestId: /m);
  });

  it("exits with 1 when the function fails, printing Lambda's error document", async () => {
    const io = memoryIo(project.dir);
    const code = await runCli(["invoke", "sqs", "--queue", "broken", "--body", "x"], io);
    expect(code).toBe(1);
    expect(JSON.parse(io.stdout)).toMatchObject({
      errorType: "Error",
      errorMessage: "broken queue",
    });
  });

  it("replays its recordings: exit 0 while the code answers as recorded", async () => {
    await until("three recorded invocations", async () => (await recordedLines()) >= 3);
    const io = memoryIo(project.dir);
    expect(await runCli(["replay", ".domovoi/recordings"], io)).toBe(0);
    expect(io.stdout).toContain("Replayed 3 events: 3 same, 0 different");
  });

  it("hot-reloads an edited app: the next invocation returns the new result", async () => {
    await project.write("app.ts", app("v2"));
    await until("the reload", () => /Reloaded app\.ts in \d+ ms \(version 2\)/.test(output));
    expect((await invokeSqs("orders", "hi")).result).toEqual({ version: "v2", bodies: ["hi"] });
  });

  it("replays with exit 1 and the differing paths once the code answers otherwise", async () => {
    const run = await runCliProcess(["replay", ".domovoi/recordings"], project.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('$.result.version: recorded "v1", now "v2"');
  });

  it("keeps serving the last good code when an edit does not load", async () => {
    await project.write("app.ts", `${app("v3")}\nexport const = ;`);
    await until("the failed reload", () =>
      output.includes("failed; the previous version keeps serving"),
    );
    expect((await invokeSqs("orders", "hi")).result).toMatchObject({ version: "v2" });
  });

  it("stops on SIGINT, removing .domovoi/dev.json", async () => {
    const exited = new Promise<number | null>((resolve) => dev.on("exit", resolve));
    dev.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(existsSync(join(project.dir, ".domovoi/dev.json"))).toBe(false);
  });
});
