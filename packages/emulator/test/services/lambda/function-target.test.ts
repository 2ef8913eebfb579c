import { describe, expect, it } from "vitest";
import { AwsServiceError } from "../../../src/services/errors.js";
import { parseFunctionTarget } from "../../../src/services/lambda/function-target.js";

describe("parseFunctionTarget", () => {
  it.each([
    [
      "my-function",
      undefined,
      { name: "my-function", qualifier: undefined, region: undefined, account: undefined },
    ],
    [
      "my-function:live",
      undefined,
      { name: "my-function", qualifier: "live", region: undefined, account: undefined },
    ],
    [
      "my-function",
      "",
      { name: "my-function", qualifier: undefined, region: undefined, account: undefined },
    ],
    [
      "my-function:$LATEST",
      "$LATEST",
      { name: "my-function", qualifier: "$LATEST", region: undefined, account: undefined },
    ],
    [
      "123456789012:function:my-function",
      "live",
      { name: "my-function", qualifier: "live", region: undefined, account: "123456789012" },
    ],
    [
      "arn:aws:lambda:eu-west-1:123456789012:function:my-function:dv-abc123",
      undefined,
      { name: "my-function", qualifier: "dv-abc123", region: "eu-west-1", account: "123456789012" },
    ],
  ])("reads %j with Qualifier %j", (name, qualifier, target) => {
    expect(parseFunctionTarget(name, qualifier)).toEqual(target);
  });

  it.each([
    [
      "",
      undefined,
      "ValidationException",
      /at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    ],
    [
      "a".repeat(171),
      undefined,
      "ValidationException",
      /Member must have length less than or equal to 170$/,
    ],
    [
      "my-function",
      "no spaces",
      "ValidationException",
      /Value 'no spaces' at 'qualifier' .* pattern: \(\|\[a-zA-Z0-9\$_-\]\+\)$/,
    ],
    [
      "my-function:live",
      "beta",
      "InvalidParameterValueException",
      /^The derived qualifier from the function name does not match the specified qualifier\.$/,
    ],
  ])("refuses %j with Qualifier %j", (name, qualifier, code, message) => {
    const error = (() => {
      try {
        return parseFunctionTarget(name, qualifier);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AwsServiceError);
    expect(error).toMatchObject({ code, statusCode: 400 });
    expect((error as Error).message).toMatch(message);
  });
});
