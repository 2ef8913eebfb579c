import type { JsonValue } from "@domovoi/runtime";
import { InvalidRecordingError } from "./errors.js";

/**
 * # Recordings: one invocation per JSON line (format version 1)
 *
 * `domovoi dev` appends a line for every invocation to
 * `<project>/.domovoi/recordings/<YYYY-MM-DD>.jsonl` (the UTC day of the invocation);
 * `domovoi capture` writes the same lines from production logs. `domovoi replay` and the test
 * helper read one `.jsonl` file, or every `.jsonl` file of a folder in name order; lines are
 * UTF-8 JSON objects ending in `\n`, and blank lines are skipped.
 *
 * | field            | type                             | required | meaning |
 * | ---------------- | -------------------------------- | -------- | ------- |
 * | `v`              | `1`                              | yes      | format version |
 * | `time`           | ISO 8601 string                  | yes      | when the invocation started |
 * | `trigger`        | string                           | yes      | what invoked: `invoke-api`, `sqs:<queue>`, `sns:<topic>`, `schedule:<name>`, `test`, `capture:<log group>` |
 * | `event`          | any JSON value                   | yes      | the event, as the function received it |
 * | `requestId`      | string                           | no       | Lambda's request id |
 * | `functionName`   | string                           | no       | `<app>-<stage>` |
 * | `qualifier`      | string                           | no       | the alias or version invoked: Step Functions tasks are routed by it, so a replay passes it on |
 * | `invocationType` | `"RequestResponse"` or `"Event"` | no       | default `RequestResponse` |
 * | `attempt`        | integer, 1 or more               | no       | the attempt of an asynchronous event (Lambda makes up to 3) |
 * | `registrations`  | array of strings                 | no       | the registrations the invocation reached, when known |
 * | `outcome`        | see below                        | no       | what the function answered; captured events have none, and a replay then only reports the new outcome |
 * | `durationMs`     | number                           | no       | how long the handler ran |
 * | `logs`           | array of strings                 | no       | the invocation's log lines, as CloudWatch shows them |
 *
 * `outcome` is `{"status": "success", "result": <the response as JSON>}`, or
 * `{"status": "error" | "timeout", "error": {"errorType": …, "errorMessage": …, "trace"?: [...]}}`
 * with Lambda's error document. Readers ignore fields they do not know, so later versions may add
 * some without changing `v`.
 */
export const RECORDING_FORMAT_VERSION = 1;

/** Where recordings live, relative to the project folder. */
export const RECORDINGS_DIR = ".domovoi/recordings";

export const INVOCATION_TYPES = ["RequestResponse", "Event"] as const;
export type RecordedInvocationType = (typeof INVOCATION_TYPES)[number];

export interface RecordedError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

export type RecordedOutcome =
  | { readonly status: "success"; readonly result: JsonValue }
  | { readonly status: "error" | "timeout"; readonly error: RecordedError };

/** One line of a recording, with the defaults of its optional fields applied. */
export interface RecordingEntry {
  readonly v: typeof RECORDING_FORMAT_VERSION;
  readonly time: string;
  readonly trigger: string;
  readonly event: JsonValue;
  readonly requestId?: string;
  readonly functionName?: string;
  readonly qualifier?: string;
  readonly invocationType: RecordedInvocationType;
  readonly attempt?: number;
  readonly registrations: readonly string[];
  readonly outcome?: RecordedOutcome;
  readonly durationMs?: number;
  readonly logs?: readonly string[];
}

/** The line for an entry, without its terminating newline. */
export function toRecordingLine(entry: RecordingEntry): string {
  return JSON.stringify(entry);
}

/**
 * Reads one line of a recording.
 * @throws InvalidRecordingError naming `where` (`file:line`) and the offending field.
 */
export function parseRecordingLine(text: string, where: string): RecordingEntry {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch (error) {
    throw new InvalidRecordingError(where, `not JSON (${(error as Error).message})`);
  }
  if (!isObject(line)) throw new InvalidRecordingError(where, "expected a JSON object");
  const field = new FieldReader(line, where);
  if (line.v !== RECORDING_FORMAT_VERSION) {
    field.fail("v", `expected ${RECORDING_FORMAT_VERSION} (the format version)`);
  }
  const time = field.string("time", true);
  if (Number.isNaN(Date.parse(time))) field.fail("time", "expected an ISO 8601 time");
  if (!("event" in line)) field.fail("event", "is missing");
  return {
    v: RECORDING_FORMAT_VERSION,
    time,
    trigger: field.string("trigger", true),
    event: line.event as JsonValue,
    requestId: field.string("requestId"),
    functionName: field.string("functionName"),
    qualifier: field.string("qualifier"),
    invocationType: field.invocationType(),
    attempt: field.attempt(),
    registrations: field.strings("registrations") ?? [],
    outcome: field.outcome(),
    durationMs: field.number("durationMs"),
    logs: field.strings("logs"),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads the fields of one line, failing with the field's name and what belongs there. */
class FieldReader {
  constructor(
    readonly line: Record<string, unknown>,
    readonly where: string,
  ) {}

  fail(name: string, problem: string): never {
    throw new InvalidRecordingError(this.where, `"${name}" ${problem}`);
  }

  string(name: string, required: true): string;
  string(name: string): string | undefined;
  string(name: string, required = false): string | undefined {
    const value = this.line[name];
    if (value === undefined && !required) return undefined;
    if (typeof value !== "string") this.fail(name, "expected a string");
    return value;
  }

  number(name: string): number | undefined {
    const value = this.line[name];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) this.fail(name, "expected a number");
    return value;
  }

  strings(name: string): readonly string[] | undefined {
    const value = this.line[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
      this.fail(name, "expected an array of strings");
    }
    return value;
  }

  invocationType(): RecordedInvocationType {
    const value = this.line.invocationType ?? "RequestResponse";
    if (!(INVOCATION_TYPES as readonly unknown[]).includes(value)) {
      this.fail("invocationType", `expected one of ${INVOCATION_TYPES.join(", ")}`);
    }
    return value as RecordedInvocationType;
  }

  attempt(): number | undefined {
    const value = this.number("attempt");
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      this.fail("attempt", "expected an integer of 1 or more");
    }
    return value;
  }

  outcome(): RecordedOutcome | undefined {
    const outcome = this.line.outcome;
    if (outcome === undefined) return undefined;
    if (!isObject(outcome)) this.fail("outcome", "expected an object");
    if (outcome.status === "success") {
      if (!("result" in outcome)) this.fail("outcome.result", "is missing");
      return { status: "success", result: outcome.result as JsonValue };
    }
    if (outcome.status !== "error" && outcome.status !== "timeout") {
      this.fail("outcome.status", 'expected "success", "error" or "timeout"');
    }
    const error = outcome.error;
    if (
      !isObject(error) ||
      typeof error.errorType !== "string" ||
      typeof error.errorMessage !== "string"
    ) {
      this.fail("outcome.error", "expected an object with errorType and errorMessage strings");
    }
    return { status: outcome.status, error: error as unknown as RecordedError };
  }
}
