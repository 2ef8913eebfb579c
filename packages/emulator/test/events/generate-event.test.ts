import { DomovoiError } from "@domovoi/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EVENT_KINDS,
  generateEvent,
  InvalidEventParamsError,
  isEventKind,
  UnknownEventKindError,
} from "../../src/events/index.js";
import { SAMPLES } from "./samples.js";
import { fixedSources } from "./support.js";

describe("generateEvent", () => {
  it("offers the kinds the CLI names", () => {
    expect(EVENT_KINDS).toEqual([
      "sqs",
      "sns",
      "sns-via-sqs",
      "s3",
      "s3-via-sns",
      "s3-via-sqs",
      "s3-via-sns-via-sqs",
      "s3-via-eventbridge",
      "s3-test-event",
      "dynamodb",
      "kinesis",
      "logs",
      "eventbridge",
      "schedule",
      "rule",
      "alb",
      "ses",
      "step-functions",
    ]);
  });

  it("has a sample for every kind but step-functions, whose event is its input", () => {
    const sampled = new Set(SAMPLES.map((sample) => sample.kind));
    expect(EVENT_KINDS.filter((kind) => !sampled.has(kind))).toEqual(["step-functions"]);
  });

  it("rejects unknown kinds, including names inherited by objects", () => {
    expect(() => generateEvent("sqs2", {})).toThrow(UnknownEventKindError);
    expect(() => generateEvent("constructor", {})).toThrow(UnknownEventKindError);
    expect(isEventKind("toString")).toBe(false);
  });

  it("types its result for a known kind", () => {
    const event = generateEvent("sqs", { queue: "q", body: "x" }, fixedSources());
    expect(event.Records[0]?.body).toBe("x");
  });

  it.each([
    ["a region", { region: "Europe" }, "region"],
    ["an account", { account: "123" }, "account"],
    ["a clock", { now: () => new Date(Number.NaN) }, "now"],
    ["an id source", { randomUUID: () => "not-a-uuid" }, "randomUUID"],
  ])("rejects an invalid %s", (_, options, param) => {
    expect(() => generateEvent("sqs", { queue: "q", body: "x" }, options)).toThrow(
      expect.objectContaining({ name: InvalidEventParamsError.name, param }),
    );
  });

  // Parameters come from the CLI and the HTTP API: whatever arrives, the failure is a DomovoiError.
  it.each(EVENT_KINDS)("rejects any malformed %s parameters with a DomovoiError", (kind) => {
    const sample = SAMPLES.find((candidate) => candidate.kind === kind)?.params ?? {};
    const mutated = fc.record({
      name: fc.constantFrom(...Object.keys(sample as object), "extra"),
      value: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string()),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          mutated.map(({ name, value }) => ({ ...(sample as object), [name]: value })),
        ),
        (params) => {
          try {
            generateEvent(kind, params, fixedSources());
          } catch (error) {
            expect(error).toBeInstanceOf(DomovoiError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
