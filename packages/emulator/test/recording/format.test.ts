import { describe, expect, it } from "vitest";
import {
  InvalidRecordingError,
  parseRecordingLine,
  type RecordingEntry,
  toRecordingLine,
} from "../../src/recording/index.js";

const FULL: RecordingEntry = {
  v: 1,
  time: "2024-03-01T18:00:00.000Z",
  trigger: "schedule:foo",
  requestId: "0f6a5c5e-2c1b-4c1e-9a3f-6d9c2b7e8a10",
  functionName: "bartender-dev",
  qualifier: "dv-abc123",
  invocationType: "Event",
  attempt: 2,
  registrations: ["foo"],
  event: { source: "aws.scheduler" },
  outcome: {
    status: "error",
    error: { errorType: "Error", errorMessage: "boom", trace: ["Error: boom"] },
  },
  durationMs: 12.5,
  logs: ["START RequestId: …"],
};

describe("the recording format", () => {
  it("reads back what it writes", () => {
    expect(parseRecordingLine(toRecordingLine(FULL), "f.jsonl:1")).toEqual(FULL);
  });

  it("reads a captured event: only v, time, trigger and event, with defaults for the rest", () => {
    const line = JSON.stringify({
      v: 1,
      time: "2024-03-01T18:00:00Z",
      trigger: "capture:/aws/lambda/x",
      event: [1],
      extra: true,
    });
    expect(parseRecordingLine(line, "f.jsonl:1")).toMatchObject({
      v: 1,
      trigger: "capture:/aws/lambda/x",
      event: [1],
      invocationType: "RequestResponse",
      registrations: [],
      outcome: undefined,
    });
  });

  it.each([
    ["not JSON", "{", /^f\.jsonl:7: not JSON/],
    ["not an object", "[]", /expected a JSON object$/],
    ["another version", JSON.stringify({ ...FULL, v: 2 }), /"v" expected 1/],
    [
      "a bad time",
      JSON.stringify({ ...FULL, time: "yesterday" }),
      /"time" expected an ISO 8601 time/,
    ],
    ["no event", JSON.stringify({ v: 1, time: FULL.time, trigger: "t" }), /"event" is missing/],
    [
      "no trigger",
      JSON.stringify({ v: 1, time: FULL.time, event: {} }),
      /"trigger" expected a string/,
    ],
    [
      "a bad invocation type",
      JSON.stringify({ ...FULL, invocationType: "DryRun" }),
      /"invocationType" expected one of RequestResponse, Event/,
    ],
    [
      "a bad attempt",
      JSON.stringify({ ...FULL, attempt: 0 }),
      /"attempt" expected an integer of 1 or more/,
    ],
    [
      "bad registrations",
      JSON.stringify({ ...FULL, registrations: [1] }),
      /"registrations" expected an array of strings/,
    ],
    [
      "a bad status",
      JSON.stringify({ ...FULL, outcome: { status: "maybe" } }),
      /"outcome.status" expected/,
    ],
    [
      "a success without result",
      JSON.stringify({ ...FULL, outcome: { status: "success" } }),
      /"outcome.result" is missing/,
    ],
    [
      "a bad error",
      JSON.stringify({ ...FULL, outcome: { status: "error", error: "boom" } }),
      /"outcome.error" expected an object/,
    ],
  ])("refuses a line with %s, naming where it is", (_case, line, message) => {
    const error = (() => {
      try {
        return parseRecordingLine(line, "f.jsonl:7");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRecordingError);
    expect((error as Error).message).toMatch(message);
    expect((error as InvalidRecordingError).where).toBe("f.jsonl:7");
  });
});
