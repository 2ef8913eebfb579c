import { readFile, writeFile } from "node:fs/promises";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RecordingEntry } from "../../../src/recording/index.js";
import {
  ASYNC_REQUEST_LIMIT,
  type DeadLetteredEvent,
  type DeadLetterLog,
} from "../../../src/services/lambda/index.js";
import { copyFixture, type Harness, payload, startHarness } from "./harness.js";

const MINUTE = 60_000;

/** Sends an event; resolves with the request id once its first attempt has finished. */
async function sendEvent(
  h: Harness,
  event: unknown,
  FunctionName = "invoker-dev",
): Promise<string> {
  const out = await h.client.send(
    new InvokeCommand({ FunctionName, InvocationType: "Event", Payload: payload(event) }),
  );
  expect(out.StatusCode).toBe(202);
  expect(out.Payload?.length ?? 0).toBe(0);
  await h.lambda.idle();
  return out.$metadata.requestId!;
}

function attempts(h: Harness): RecordingEntry[] {
  const entries: RecordingEntry[] = [];
  h.lambda.on("invoked", ({ entry }) => entries.push(entry));
  return entries;
}

/** Moves the clock and waits for the attempts it started. */
async function advance(h: Harness, ms: number): Promise<void> {
  await h.clock.advance(ms);
  await h.lambda.idle();
}

describe("Event invocations", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("accepts an event with 202 and runs it under the request id it answered with", async () => {
    const entries = attempts(h);
    const requestId = await sendEvent(h, { action: "flaky", key: "at-once" });
    expect(entries).toMatchObject([
      {
        requestId,
        invocationType: "Event",
        attempt: 1,
        outcome: { status: "success", result: { attempt: 1 } },
      },
    ]);
    expect(h.lambda.pendingEvents).toEqual({ running: 0, waiting: 0 });
  });

  it("retries a failed event after one minute, then two, on the clock", async () => {
    const entries = attempts(h);
    const requestId = await sendEvent(h, { action: "flaky", key: "twice", failures: 2 });
    expect(entries.map((entry) => entry.outcome?.status)).toEqual(["error"]);
    expect(h.lambda.pendingEvents.waiting).toBe(1);

    await advance(h, MINUTE - 1);
    expect(entries).toHaveLength(1);
    await advance(h, 1);
    expect(entries.map((entry) => entry.outcome?.status)).toEqual(["error", "error"]);

    await advance(h, 2 * MINUTE - 1);
    expect(entries).toHaveLength(2);
    await advance(h, 1);
    expect(entries.map((entry) => [entry.attempt, entry.requestId, entry.outcome?.status])).toEqual(
      [
        [1, requestId, "error"],
        [2, requestId, "error"],
        [3, requestId, "success"],
      ],
    );
    expect(entries.map((entry) => Date.parse(entry.time) - Date.parse(entries[0]!.time))).toEqual([
      0,
      MINUTE,
      3 * MINUTE,
    ]);
    expect((h.lambda.deadLetters as DeadLetterLog).events).toEqual([]);
    expect(h.lambda.pendingEvents).toEqual({ running: 0, waiting: 0 });
  });

  it("dead-letters an event once its three attempts have failed", async () => {
    const deadLettered: DeadLetteredEvent[] = [];
    h.lambda.on("deadLettered", (event) => deadLettered.push(event));
    const requestId = await sendEvent(h, { action: "fail" });
    await advance(h, MINUTE);
    await advance(h, 2 * MINUTE);
    const expected = {
      requestId,
      payload: JSON.stringify({ action: "fail" }),
      qualifier: undefined,
      trigger: "invoke-api",
      error: { errorType: "RangeError", errorMessage: "no beer left", trace: expect.any(Array) },
      attempts: 3,
      time: h.clock.now(),
    };
    expect(deadLettered).toEqual([expected]);
    expect((h.lambda.deadLetters as DeadLetterLog).events).toEqual([expected]);
    await advance(h, 10 * MINUTE);
    expect(deadLettered).toHaveLength(1);
  });

  it("refuses an event over 1 MB", async () => {
    const size = ASYNC_REQUEST_LIMIT + 1;
    const error = await h.client
      .send(
        new InvokeCommand({
          FunctionName: "invoker-dev",
          InvocationType: "Event",
          Payload: Buffer.alloc(size, " "),
        }),
      )
      .then(
        () => expect.unreachable("the call should fail"),
        (e: Error) => e,
      );
    expect(error.name).toBe("RequestEntityTooLargeException");
    expect(error.message).toBe(
      `${size} byte payload is too large for the Event invocation type (limit 1048576 bytes)`,
    );
  });
});

describe("an event waiting for its retry", () => {
  let h: Harness;
  let project: Awaited<ReturnType<typeof copyFixture>>;
  afterEach(async () => {
    await h.close();
    await project.remove();
  });

  it("runs an event waiting for its retry on the code loaded meanwhile", async () => {
    project = await copyFixture("versioned-app");
    h = await startHarness({ entry: project.entry });
    const entries = attempts(h);
    await sendEvent(h, { action: "fail-on-v1" }, "versioned-dev");
    expect(entries[0]?.outcome).toMatchObject({
      status: "error",
      error: { errorMessage: "v1 cannot do this" },
    });

    const source = await readFile(project.entry, "utf8");
    await writeFile(project.entry, source.replace('const VERSION = "v1"', 'const VERSION = "v2"'));
    expect(await h.host.reload()).toMatchObject({ ok: true, generation: 2 });
    await advance(h, MINUTE);
    expect(entries[1]).toMatchObject({
      attempt: 2,
      outcome: { status: "success", result: { version: "v2" } },
    });
  });
});
