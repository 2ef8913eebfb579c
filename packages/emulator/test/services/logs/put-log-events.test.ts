import {
  type InputLogEvent,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { beforeEach, describe, expect, it } from "vitest";
import { failureOf, START, useLogsEmulator } from "./harness.js";

const emulator = useLogsEmulator();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeEach(() => emulator().stream("watchtower", "web"));

const put = (logEvents: InputLogEvent[], logStreamName = "web") =>
  emulator().logs.send(
    new PutLogEventsCommand({ logGroupName: "watchtower", logStreamName, logEvents }),
  );

const stored = () =>
  emulator()
    .backend.logStream(emulator().backend.logGroup("us-east-1", "watchtower"), "web")
    .events.map((event) => event.message);

describe("PutLogEvents", () => {
  it("stores the events and answers a sequence token, which it no longer requires", async () => {
    const result = await put([
      { timestamp: START, message: "one" },
      { timestamp: START + 1, message: "two" },
    ]);
    expect(result.nextSequenceToken).toMatch(/^\d+$/);
    expect(result.rejectedLogEventsInfo).toBeUndefined();
    await put([{ timestamp: START + 2, message: "three" }]);
    expect(stored()).toEqual(["one", "two", "three"]);
  });

  it("keeps a stream in time order when a later batch carries older events", async () => {
    await put([{ timestamp: START + 10, message: "later" }]);
    await put([{ timestamp: START + 5, message: "earlier" }]);
    expect(stored()).toEqual(["earlier", "later"]);
  });

  it("refuses a batch out of chronological order (recorded)", async () => {
    const failure = await failureOf(
      put([
        { timestamp: START + 1, message: "b" },
        { timestamp: START, message: "a" },
      ]),
    );
    expect(failure).toEqual({
      name: "InvalidParameterException",
      message: "Log events in a single PutLogEvents request must be in chronological order.",
      status: 400,
    });
  });

  it("refuses a batch spanning more than 24 hours", async () => {
    const failure = await failureOf(
      put([
        { timestamp: START - DAY - 1, message: "a" },
        { timestamp: START, message: "b" },
      ]),
    );
    expect(failure.message).toBe(
      "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.",
    );
  });

  it("reports too old and too new events and keeps the others (recorded fields)", async () => {
    const tooOld = await put([
      { timestamp: START - 14 * DAY - HOUR, message: "ancient" },
      { timestamp: START - 14 * DAY + HOUR, message: "old but kept" },
    ]);
    expect(tooOld.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1 });
    const tooNew = await put([
      { timestamp: START, message: "now" },
      { timestamp: START + 3 * HOUR, message: "future" },
    ]);
    expect(tooNew.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 });
    expect(stored()).toEqual(["old but kept", "now"]);
  });

  it("reports events older than the group's retention as expired", async () => {
    await emulator().logs.send(
      new PutRetentionPolicyCommand({ logGroupName: "watchtower", retentionInDays: 1 }),
    );
    const result = await put([
      { timestamp: START - DAY - HOUR, message: "expired" },
      { timestamp: START - 2 * HOUR, message: "kept" },
    ]);
    expect(result.rejectedLogEventsInfo).toEqual({ expiredLogEventEndIndex: 1 });
    expect(stored()).toEqual(["kept"]);
  });

  it("validates the batch with the model's messages", async () => {
    expect((await failureOf(put([]))).message).toBe(
      "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect((await failureOf(put([{ timestamp: START, message: "" }]))).message).toBe(
      "1 validation error detected: Value '' at 'logEvents.1.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("refuses a stream or group that does not exist (recorded)", async () => {
    expect(await failureOf(put([{ timestamp: START, message: "x" }], "nope"))).toMatchObject({
      name: "ResourceNotFoundException",
      message: "The specified log stream does not exist.",
    });
    const orphan = new PutLogEventsCommand({
      logGroupName: "nope",
      logStreamName: "web",
      logEvents: [{ timestamp: START, message: "x" }],
    });
    expect(await failureOf(emulator().logs.send(orphan))).toMatchObject({
      name: "ResourceNotFoundException",
      message: "The specified log group does not exist.",
    });
  });
});
