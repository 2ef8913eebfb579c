import { describe, expect, it } from "vitest";
import { generateStepFunctionsTaskEvent } from "../../src/events/index.js";

describe("generateStepFunctionsTaskEvent", () => {
  it("is the state's input, copied", () => {
    const input = { order: { id: 7, items: ["a"] } };
    const event = generateStepFunctionsTaskEvent({ input });
    expect(event).toEqual(input);
    expect(event).not.toBe(input);
  });

  it("parses input given as JSON text and defaults to an empty object", () => {
    expect(generateStepFunctionsTaskEvent({ input: "[1, 2]" })).toEqual([1, 2]);
    expect(generateStepFunctionsTaskEvent({})).toEqual({});
  });

  it.each([
    ["text that is not JSON", { input: "{oops" }],
    ["input over 256 KiB", { input: { x: "y".repeat(256 * 1024) } }],
    ["an unknown parameter", { stateName: "Worker" }],
  ])("rejects %s", (_, params) => {
    expect(() => generateStepFunctionsTaskEvent(params as never)).toThrow(
      expect.objectContaining({ kind: "step-functions" }),
    );
  });
});
