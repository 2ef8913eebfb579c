import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../../src/clock/virtual-clock.js";
import { type DevServer, startDevServer } from "../../src/dev/dev-server.js";
import { PortInUseError } from "../../src/dev/errors.js";
import type { RecordingEntry } from "../../src/recording/format.js";
import { type TempProject, tempProject } from "../cli/cli-support.js";

const APP = `
import { Domovoi } from "@domovoi/runtime";
export const app = new Domovoi({ name: "shop" });
app.scheduledFunction("rate(5 minutes)", async function tick(event) {
  return { resource: event.resources[0] };
});
app.sqsQueueSubscriber("orders", async (event) => {
  console.log("orders", event.Records.length);
  return { bodies: event.Records.map((record) => record.body) };
});
export const handler = app.handler;
`;

const START = Date.parse("2024-05-01T12:00:00Z");

let project: TempProject;
let server: DevServer;
const clock = new VirtualClock(START);
const invoked: RecordingEntry[] = [];

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/_domovoi${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  project = await tempProject({ "app.ts": APP });
  server = await startDevServer({
    entry: join(project.dir, "app.ts"),
    port: 0,
    clock,
    watch: false,
  });
  server.lambda.on("invoked", ({ entry }) => invoked.push(entry));
});

afterAll(async () => {
  await server?.close();
  await project?.remove();
});

describe("the dev server", () => {
  it("names the function after the app and stage, on a loopback port", () => {
    expect(server.functionName).toBe("shop-dev");
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.services).toContain("lambda");
  });

  it("generates an event of a kind and invokes the function with it: POST /_domovoi/events/:kind", async () => {
    const { status, body } = await api("POST", "/events/sqs", { queue: "orders", body: "hi" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "success", payload: { bodies: ["hi"] } });
    expect(body.logs).toContainEqual(expect.stringContaining("INFO\torders 1"));
    expect(invoked.at(-1)).toMatchObject({
      trigger: "dev-api:sqs",
      invocationType: "RequestResponse",
    });
  });

  it("answers 400 for an unknown kind, bad parameters or a body that is not JSON", async () => {
    expect((await api("POST", "/events/nope", {})).status).toBe(400);
    const bad = await api("POST", "/events/sqs", { queue: "orders" });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { type: "InvalidEventParamsError" } },
    });
    const response = await fetch(`${server.url}/_domovoi/events/sqs`, {
      method: "POST",
      body: "{",
    });
    expect(response.status).toBe(400);
  });

  it("fires schedules on its clock with the deployed schedule's envelope and physical name", async () => {
    const before = invoked.length;
    await clock.advance(5 * 60_000);
    await server.lambda.idle();
    const fired = invoked.slice(before);
    // A Scheduler rate schedule fires when created, then every period.
    expect(fired.map((entry) => entry.trigger)).toEqual(["schedule:tick", "schedule:tick"]);
    expect(fired[0]).toMatchObject({
      invocationType: "Event",
      outcome: {
        status: "success",
        result: {
          resource: "arn:aws:scheduler:us-east-1:000000000000:schedule/shop-dev/shop-dev-tick",
        },
      },
    });
    const { body } = await api("GET", "/schedules");
    expect(body.schedules).toEqual([
      {
        name: "tick",
        expression: "rate(5 minutes)",
        timezone: "UTC",
        next: new Date(START + 10 * 60_000).toISOString(),
      },
    ]);
  });

  it("triggers a schedule now: POST /_domovoi/schedules/:name/trigger", async () => {
    const { status, body } = await api("POST", "/schedules/tick/trigger");
    expect(status).toBe(202);
    await server.lambda.idle();
    expect(invoked.at(-1)).toMatchObject({ requestId: body.requestId, trigger: "schedule:tick" });
    expect((await api("POST", "/schedules/nope/trigger")).status).toBe(404);
  });

  it("records every invocation, listed under GET /_domovoi/recordings", async () => {
    const { body } = await api("GET", "/recordings");
    expect(body.files).toEqual([{ name: "2024-05-01.jsonl", bytes: expect.any(Number) }]);
    await server.lambda.idle();
    const text = await (await fetch(`${server.url}/_domovoi/recordings/2024-05-01.jsonl`)).text();
    expect(text.trim().split("\n").length).toBeGreaterThan(0);
    const onDisk = await readFile(
      join(project.dir, ".domovoi/recordings/2024-05-01.jsonl"),
      "utf8",
    );
    expect(onDisk).toBe(text);
    expect((await api("GET", "/recordings/..%2Fconfig.json")).status).toBe(404);
  });

  it("still serves the AWS endpoint for everything else", async () => {
    const response = await fetch(`${server.url}/2015-03-31/functions/nope/invocations`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ Type: "User" });
  });

  it("says so when its port is taken", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => taken.once("listening", resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(
        startDevServer({ entry: join(project.dir, "app.ts"), port, watch: false }),
      ).rejects.toThrow(PortInUseError);
    } finally {
      taken.close();
    }
  });
});
