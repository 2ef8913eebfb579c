import { DomovoiError } from "@domovoi/runtime";
import {
  type FilterPolicyOptions,
  filterPolicyCombinations,
  InvalidFilterPolicyError,
  validateFilterPolicy,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { thrownBy } from "../support/thrown-by.js";

const SET_ATTRIBUTES: FilterPolicyOptions = { api: "SetSubscriptionAttributes" };

function rejection(policy: string | object, options: FilterPolicyOptions = SET_ATTRIBUTES): string {
  const error = thrownBy(() => validateFilterPolicy(policy, options));
  expect(error).toBeInstanceOf(InvalidFilterPolicyError);
  expect(error).toBeInstanceOf(DomovoiError);
  return error.message;
}

describe("validateFilterPolicy", () => {
  it("words errors for the API that carried the policy, Subscribe by default", () => {
    const policy = { key: [] };
    expect(rejection(policy, {})).toBe(
      "Invalid parameter: Attributes Reason: FilterPolicy: Empty arrays are not allowed",
    );
    expect(rejection(policy)).toBe("Invalid parameter: FilterPolicy: Empty arrays are not allowed");
    expect(rejection({ a: { b: ["x"] } }, { api: "Subscribe" })).toBe(
      "Invalid parameter: Attributes Reason: Filter policy scope MessageAttributes does not support nested filter policy",
    );
  });

  it("accepts JSON text and the empty policy", () => {
    expect(() => validateFilterPolicy('{"key": ["a", {"prefix": "b"}]}')).not.toThrow();
    expect(() => validateFilterPolicy("")).not.toThrow();
    expect(() => validateFilterPolicy("{}", { scope: "MessageBody" })).not.toThrow();
  });

  it("rejects text that is not a JSON object", () => {
    expect(rejection("{key: [1]}")).toBe("Invalid parameter: FilterPolicy: failed to parse JSON.");
    expect(rejection("[1]")).toBe("Invalid parameter: FilterPolicy: Filter is not an object");
    expect(rejection("null")).toBe("Invalid parameter: FilterPolicy: Filter is not an object");
  });

  it("rejects malformed structure in document order", () => {
    const reasons: [object, string][] = [
      [{ a: { b: {} } }, "Empty objects are not allowed"],
      [{ a: [{}] }, "Match expression name not found"],
      [{ a: ["x"], b: 5, c: [] }, '"b" must be an object or an array'],
      [{ a: [{ PREFIX: "x" }] }, "Unrecognized match type PREFIX"],
      [{ a: [{ "equals-ignore-case": 1 }] }, "equals-ignore-case match pattern must be a string"],
      [{ a: [{ exists: true, prefix: "x" }] }, "Only one key allowed in match expression"],
      [{ a: [{ numeric: 5 }] }, "Value of numeric must be an array."],
      [{ a: [{ numeric: ["=", 1], prefix: "x" }] }, "Too many elements in numeric expression"],
    ];
    for (const [policy, reason] of reasons) {
      expect(rejection(policy, { scope: "MessageBody", ...SET_ATTRIBUTES })).toBe(
        `Invalid parameter: FilterPolicy: ${reason}`,
      );
    }
  });

  it("rejects malformed anything-but expressions", () => {
    const reasons: [unknown, string][] = [
      [true, "Value of anything-but must be an array or single string/number value."],
      [["a", null], "Inside anything but list, start|null|boolean is not supported."],
      [
        ["a", 1],
        "Inside anything but list, either all values are number or string, mixed type is not supported",
      ],
      [
        [],
        "Inside anything but list, either all values are number or string, mixed type is not supported",
      ],
      [{}, "Anything-But expression name not found"],
      [{ "equals-ignore-case": "a" }, "Unsupported anything-but pattern: equals-ignore-case"],
      [{ prefix: "" }, "Null prefix not allowed"],
      [{ prefix: "a", suffix: "b" }, "Only one key allowed in match expression"],
      [[6e9], "Value must be between -5.0E9 and 5.0E9, inclusive"],
    ];
    for (const [operand, reason] of reasons) {
      expect(rejection({ a: [{ "anything-but": operand }] })).toBe(
        `Invalid parameter: FilterPolicy: ${reason}`,
      );
    }
    expect(rejection({ a: [{ "anything-but": ["x"], exists: true }] })).toBe(
      "Invalid parameter: FilterPolicy: Too many elements in numeric expression",
    );
  });

  it("limits numbers to what SNS can compare and ranges to non-empty ones", () => {
    expect(rejection({ a: [{ numeric: [">", -5.5e9] }] })).toBe(
      "Invalid parameter: FilterPolicy: Value must be between -5.0E9 and 5.0E9, inclusive",
    );
    expect(rejection({ a: [{ numeric: [">=", 5, "<=", 5] }] })).toBe(
      "Invalid parameter: FilterPolicy: Bottom must be less than top",
    );
    expect(rejection({ a: [{ numeric: ["=", 1, "<", 2] }] })).toBe(
      "Invalid parameter: FilterPolicy: Too many elements in numeric expression",
    );
    // A plain number outside that range is still a valid exact value.
    expect(() => validateFilterPolicy({ account: [123456789012] })).not.toThrow();
  });

  it("checks CIDR blocks like SNS", () => {
    const reasons: [string, string][] = [
      ["10.0.0.0/-1", "Malformed CIDR, mask bits must not be negative"],
      ["10.0.0.0/32", "IPv4 mask bits must be < 32"],
      ["2001:db8::/128", "IPv6 mask bits must be < 128"],
      ["10.0.0.256/8", "Invalid IP address: 10.0.0.256"],
      ["1:2:3:4:5:6:7:8:9/64", "Invalid IP address: 1:2:3:4:5:6:7:8:9"],
      ["10.0.0.0/8/8", "Malformed CIDR, one '/' required"],
    ];
    for (const [cidr, reason] of reasons) {
      expect(rejection({ ip: [{ cidr }] })).toBe(`Invalid parameter: FilterPolicy: ${reason}`);
    }
    expect(() => validateFilterPolicy({ ip: [{ cidr: "10.0.0.0/24/" }] })).not.toThrow();
  });

  it("reads $or as a plain key unless it holds two or more objects without operator names", () => {
    expect(rejection({ $or: [{ a: ["x"] }] })).toBe(
      "Invalid parameter: FilterPolicy: Unrecognized match type a",
    );
    expect(rejection({ $or: [{ numeric: 123 }, { prefix: "abc" }] })).toBe(
      "Invalid parameter: FilterPolicy: Value of numeric must be an array.",
    );
    expect(() => validateFilterPolicy({ $or: ["x", "y"] })).not.toThrow();
  });

  it("counts only top-level keys, across $or branches", () => {
    const nested = { a: { b: ["1"], c: ["2"], d: ["3"], e: ["4"], f: ["5"], g: ["6"] } };
    expect(() => validateFilterPolicy(nested, { scope: "MessageBody" })).not.toThrow();
    const branches = {
      a: ["1"],
      $or: [
        { b: ["2"], c: ["3"] },
        { d: ["4"], e: ["5"], f: ["6"] },
      ],
    };
    expect(rejection(branches)).toBe(
      "Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys",
    );
  });

  it("rejects an unknown FilterPolicyScope before looking at the policy", () => {
    const options = { scope: "Body" } as unknown as FilterPolicyOptions;
    expect(rejection("not json", options)).toBe(
      "Invalid parameter: Attributes Reason: FilterPolicyScope: Invalid value [Body]. Please use either MessageBody or MessageAttributes",
    );
  });
});

describe("filterPolicyCombinations", () => {
  it("weights nested keys of MessageBody policies by their depth", () => {
    expect(filterPolicyCombinations({ a: { b: ["x", "y"] }, c: ["z"] }, "MessageBody")).toBe(4);
  });

  it("multiplies the number of values of each key (developer guide example)", () => {
    const policy = { key_a: ["one", "two", "three"], key_b: ["one"], key_c: ["one", "two"] };
    expect(filterPolicyCombinations(policy)).toBe(6);
    expect(filterPolicyCombinations(JSON.stringify(policy), "MessageBody")).toBe(6);
  });

  it("counts the empty policy as one combination and reports malformed policies", () => {
    expect(filterPolicyCombinations({})).toBe(1);
    expect(() => filterPolicyCombinations({ a: "x" })).toThrow(InvalidFilterPolicyError);
    expect(() => filterPolicyCombinations({ a: { b: ["x"] } })).toThrow(InvalidFilterPolicyError);
  });
});
