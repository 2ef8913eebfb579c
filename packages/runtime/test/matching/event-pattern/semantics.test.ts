import {
  compileEventPattern,
  InvalidEventError,
  validateEventPattern,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";

const matches = (pattern: object | string, event: unknown) => compileEventPattern(pattern)(event);
const reason = (pattern: object | string) => {
  try {
    validateEventPattern(pattern);
  } catch (error) {
    return (error as Error).message.replace("Event pattern is not valid. Reason: ", "");
  }
  return "valid";
};

describe("event pattern semantics beyond the corpus", () => {
  const employees = {
    employees: [
      { firstName: "John", lastName: "Doe" },
      { firstName: "Anna", lastName: "Smith" },
    ],
  };

  it("matches fields of one array element together (array consistency)", () => {
    expect(matches({ employees: { firstName: ["Anna"], lastName: ["Smith"] } }, employees)).toBe(
      true,
    );
    expect(matches({ employees: { firstName: ["Anna"], lastName: ["Doe"] } }, employees)).toBe(
      false,
    );
  });

  it("judges exists:false against the elements already chosen, in path order", () => {
    // "employees.firstName" sorts first: once Anna is chosen, her element has no "age".
    expect(
      matches({ employees: { firstName: ["Anna"], age: [{ exists: false }] } }, employees),
    ).toBe(true);
    // Alone, absence looks at every element, as AWS does.
    expect(matches({ employees: { lastName: [{ exists: false }] } }, employees)).toBe(false);
  });

  it("reads dotted keys and nested keys as the same field", () => {
    expect(matches({ "a.b": { c: [1] } }, { a: { "b.c": 1 } })).toBe(true);
    expect(matches({ a: { b: { c: [1] } } }, { "a.b.c": 1 })).toBe(true);
  });

  it("does not take inherited properties for event fields", () => {
    expect(matches({ constructor: [{ exists: true }] }, {})).toBe(false);
  });

  it("treats values JSON cannot hold as absent, as the event's JSON text would", () => {
    const event = { a: () => 1, b: Symbol("b") };
    expect(matches({ a: [{ exists: false }], b: [{ exists: false }] }, event)).toBe(true);
    expect(matches({ a: [{ "anything-but": "x" }] }, event)).toBe(false);
  });

  it("compares IP addresses written as exact values by address", () => {
    expect(matches({ ip: ["2001:db8::1"] }, { ip: "2001:0db8:0:0:0:0:0:0001" })).toBe(true);
  });

  it("runs a CIDR range from the address as written", () => {
    expect(matches({ ip: [{ cidr: "10.0.0.5/24" }] }, { ip: "10.0.0.4" })).toBe(false);
    expect(matches({ ip: [{ cidr: "10.0.0.5/24" }] }, { ip: "10.0.0.200" })).toBe(true);
    expect(reason({ ip: [{ cidr: "10.0.0.0/32" }] })).toBe("IPv4 mask bits must be < 32");
  });

  it("compares numbers numerically only within ±5e11 and six decimals", () => {
    expect(matches({ n: [{ numeric: [">", 0] }] }, { n: 0.1234567 })).toBe(false);
    expect(reason({ n: [{ numeric: [">", 6e11] }] })).toBe(
      "Value must be between -5.0E11 and 5.0E11, inclusive",
    );
    expect(reason({ n: [{ numeric: [">", 5, "<", 5] }] })).toBe("Bottom must be less than top");
  });

  it("validates wildcards like AWS", () => {
    expect(matches({ f: [{ wildcard: "a\\*b*" }] }, { f: "a*bc" })).toBe(true);
    expect(matches({ f: [{ wildcard: "a\\*b*" }] }, { f: "axbc" })).toBe(false);
    expect(reason({ f: [{ wildcard: "a\\b" }] })).toBe("Invalid escape character at pos 2");
    expect(reason({ f: [{ wildcard: "*:*:*:*:*" }] })).toBe("valid");
  });

  it("reports Jackson's parse errors and the compiler's structural ones", () => {
    expect(reason('{"a": ["x"')).toBe("Unexpected end-of-input in value");
    expect(reason('{"a": ["x"] "b": 1}')).toBe(
      "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
    );
    expect(reason("{}")).toBe("Empty objects are not allowed");
    expect(reason({ $or: [{ a: ["x"] }] })).toBe(
      "There must have at least 2 Objects in $or relationship.",
    );
    expect(reason({ $or: [{ prefix: ["x"] }, { b: ["y"] }] })).toBe(
      "prefix is Ruler reserved fieldName which cannot be used inside $or.",
    );
    expect(reason({ a: [{ numeric: [">", 1], x: 1 }] })).toBe(
      "Too many elements in numeric expression",
    );
  });

  it("accepts an event as JSON text, and rejects text that is not JSON", () => {
    expect(matches({ a: [1] }, '{"a": 1.0}')).toBe(true);
    expect(() => matches({ a: [1] }, "{not json")).toThrow(InvalidEventError);
  });
});
