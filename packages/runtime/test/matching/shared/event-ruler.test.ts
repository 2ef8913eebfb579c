import {
  compileEventPattern,
  compileFilterPolicy,
  validateEventPattern,
  validateFilterPolicy,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { thrownBy } from "../support/thrown-by.js";

// EventBridge patterns and SNS filter policies are both read by AWS Event Ruler, SNS's being an
// older version: the same operand gets the same reason from both, except where versions differ.
const eventBridgeReason = (conditions: unknown[]) =>
  thrownBy(() => validateEventPattern({ f: conditions })).message.replace(
    "Event pattern is not valid. Reason: ",
    "",
  );
const snsReason = (conditions: unknown[]) =>
  thrownBy(() => validateFilterPolicy({ f: conditions })).message.replace(
    "Invalid parameter: Attributes Reason: FilterPolicy: ",
    "",
  );
const eventBridgeMatches = (conditions: unknown[], value: unknown) =>
  compileEventPattern({ f: conditions })({ f: value });
const snsMatches = (conditions: unknown[], value: string | number) => {
  const matches = compileFilterPolicy({ f: conditions }, { scope: "MessageBody" });
  return matches({ message: JSON.stringify({ f: value }) });
};

describe("the Event Ruler grammar shared by EventBridge and SNS", () => {
  it.each([
    [{ cidr: "10.0.0.0/2147483648" }, "Malformed CIDR, mask bits must be an integer"],
    [{ cidr: "10.0.0.0/-2147483648" }, "Malformed CIDR, mask bits must not be negative"],
    [{ cidr: "10.0.0.0/x" }, "Malformed CIDR, mask bits must be an integer"],
    [{ cidr: "10.0.0.256/8" }, "Invalid IP address: 10.0.0.256"],
    [{ cidr: "::1::/8" }, "Invalid IP address: ::1::"],
    [{ cidr: 10 }, "prefix match pattern must be a string"],
    [{ numeric: [">", 1, "<"] }, "Value of < must be numeric"],
    [{ numeric: [">", 1, 2] }, "Bad value in numeric range: 2"],
    [{ numeric: [">", 2, "<", 1] }, "Bottom must be less than top"],
    [{ numeric: ["=", 1, 2] }, "Too many elements in numeric expression"],
    [{ "anything-but": [] }, expect.stringContaining("mixed type is not supported")],
    [{ "anything-but": [true] }, "Inside anything but list, start|null|boolean is not supported."],
  ])("rejects %j with one reason", (condition, reason) => {
    expect(eventBridgeReason([condition])).toEqual(reason);
    expect(snsReason([condition])).toEqual(reason);
  });

  it("reads a CIDR mask as a Java int, with leading zeros and a trailing slash", () => {
    const condition = { cidr: "2001:DB8::/0000000032/" };
    expect(eventBridgeMatches([condition], "2001:db8:ffff::1")).toBe(true);
    expect(snsMatches([condition], "2001:db8:ffff::1")).toBe(true);
    expect(snsMatches([condition], "2001:db9::1")).toBe(false);
  });

  it("keeps each version's numbers: EventBridge's exact ±5e11, SNS's truncated ±5e9", () => {
    expect(() => validateEventPattern({ f: [{ numeric: [">", 6e9] }] })).not.toThrow();
    expect(snsReason([{ numeric: [">", 6e9] }])).toBe(
      "Value must be between -5.0E9 and 5.0E9, inclusive",
    );
    expect(eventBridgeReason([{ numeric: [">", 0.1234567] }])).toBe(
      "Only values upto 6 decimals are supported",
    );
    expect(eventBridgeMatches([{ numeric: ["=", 300] }], 300.0000001)).toBe(false);
    expect(snsMatches([{ numeric: ["=", 300] }], 300.0000001)).toBe(true);
  });

  it("lets other types through anything-but numbers in EventBridge only", () => {
    expect(eventBridgeMatches([{ "anything-but": [1] }], "x")).toBe(true);
    expect(snsMatches([{ "anything-but": [1] }], "x")).toBe(false);
    expect(eventBridgeMatches([{ "anything-but": [1] }], 2)).toBe(true);
    expect(snsMatches([{ "anything-but": [1] }], 2)).toBe(true);
  });
});
