import { DomovoiError } from "@domovoi/runtime";
import { InvalidEventPatternError, MatchingValidationError } from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";

describe("errors", () => {
  it("carries AWS's exception name and the subclass name", () => {
    const cause = new Error("inner");
    const error = new InvalidEventPatternError("Event pattern is not valid.", { cause });
    expect(error).toBeInstanceOf(MatchingValidationError);
    expect(error).toBeInstanceOf(DomovoiError);
    expect(error.name).toBe("InvalidEventPatternError");
    expect(error.code).toBe("InvalidEventPatternException");
    expect(error.cause).toBe(cause);
  });
});
