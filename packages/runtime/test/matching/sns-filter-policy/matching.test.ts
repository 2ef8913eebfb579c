import {
  compileFilterPolicy,
  type FilterPolicyMatcher,
  type SnsMessageAttribute,
} from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";

function onAttributes(
  policy: object,
): (attributes: Record<string, SnsMessageAttribute>) => boolean {
  const matches = compileFilterPolicy(policy, { scope: "MessageAttributes" });
  return (messageAttributes) => matches({ messageAttributes });
}

function onBody(policy: object): (body: unknown) => boolean {
  const matches = compileFilterPolicy(policy, { scope: "MessageBody" });
  return (body) => matches({ message: typeof body === "string" ? body : JSON.stringify(body) });
}

const string = (Value: string): SnsMessageAttribute => ({ Type: "String", Value });
const number = (Value: string): SnsMessageAttribute => ({ Type: "Number", Value });
const array = (values: unknown[]): SnsMessageAttribute => ({
  Type: "String.Array",
  Value: JSON.stringify(values),
});

describe("compileFilterPolicy on message attributes", () => {
  it("compares values by type: strings with strings, numbers with numbers", () => {
    const matches = onAttributes({ price: [300], name: ["300"] });
    expect(matches({ price: number("3.0e2"), name: string("300") })).toBe(true);
    expect(matches({ price: string("300"), name: string("300") })).toBe(false);
    expect(matches({ price: number("300"), name: number("300") })).toBe(false);
  });

  it("compares numbers to six decimal places, as SNS does", () => {
    expect(onAttributes({ n: [{ numeric: ["=", 300] }] })({ n: number("300.0000001") })).toBe(true);
    expect(onAttributes({ n: [{ numeric: ["=", 300] }] })({ n: number("300.000001") })).toBe(false);
    expect(onAttributes({ n: [{ numeric: ["<", 0] }] })({ n: number("not a number") })).toBe(false);
  });

  it("treats each String.Array element as a value and ignores Binary attributes", () => {
    const matches = onAttributes({ tags: [true, 5, "x"], blob: [{ exists: false }] });
    expect(matches({ tags: array([false, 5]), blob: { Type: "Binary", Value: "AA==" } })).toBe(
      true,
    );
    expect(matches({ tags: array([false, "5"]) })).toBe(false);
    expect(matches({ tags: array([["x"]]) })).toBe(true);
  });

  it("reads custom data types by their base type", () => {
    const matches = onAttributes({ n: [{ numeric: [">", 1] }], s: [{ prefix: "a" }] });
    expect(matches({ n: number("2"), s: { Type: "String.custom", Value: "ab" } })).toBe(true);
    expect(matches({ n: { Type: "Number.float", Value: "2.5" }, s: string("ab") })).toBe(true);
  });

  it("supports suffix, equals-ignore-case and anything-but on numbers", () => {
    expect(onAttributes({ f: [{ suffix: ".png" }] })({ f: string("a.png") })).toBe(true);
    expect(onAttributes({ f: [{ "equals-ignore-case": "ÉTÉ" }] })({ f: string("été") })).toBe(true);
    const notSmall = onAttributes({ size: [{ "anything-but": [100, 500] }] });
    expect(notSmall({ size: number("100.0") })).toBe(false);
    expect(notSmall({ size: array([100, 50]) })).toBe(true);
    expect(notSmall({ size: string("1") })).toBe(false);
  });

  it("matches anything-but only on present attributes", () => {
    const matches = onAttributes({ event: [{ "anything-but": { prefix: "order-" } }] });
    expect(matches({ event: string("order_number") })).toBe(true);
    expect(matches({ event: string("order-cancelled") })).toBe(false);
    expect(matches({})).toBe(false);
    const orAbsent = onAttributes({ event: [{ "anything-but": "x" }, { exists: false }] });
    expect(orAbsent({})).toBe(true);
  });

  it("matches IPv6 CIDR blocks from the address as written", () => {
    const matches = onAttributes({ ip: [{ cidr: "2001:db8::/32" }] });
    expect(matches({ ip: string("2001:db8:ffff::1") })).toBe(true);
    expect(matches({ ip: string("2001:db9::1") })).toBe(false);
    expect(matches({ ip: string("10.0.0.1") })).toBe(false);
    const fromFive = onAttributes({ ip: [{ cidr: "10.0.0.5/24" }] });
    expect(fromFive({ ip: string("10.0.0.4") })).toBe(false);
    expect(fromFive({ ip: string("10.0.0.200") })).toBe(true);
  });

  it("never throws on attributes SNS would not have delivered", () => {
    const matches = compileFilterPolicy({ a: ["x"], b: [{ exists: true }] });
    const malformed = { a: { Type: 1 }, b: { Type: "String" } } as unknown as Record<
      string,
      SnsMessageAttribute
    >;
    expect(matches({ messageAttributes: malformed })).toBe(false);
    expect(matches({})).toBe(false);
  });
});

describe("compileFilterPolicy on message bodies", () => {
  it("only matches JSON objects, except with the empty policy", () => {
    const matches = onBody({ a: [{ exists: false }] });
    expect(matches({})).toBe(true);
    expect(matches("not json")).toBe(false);
    expect(matches([{}])).toBe(false);
    const everything: FilterPolicyMatcher = compileFilterPolicy("", { scope: "MessageBody" });
    expect(everything({ message: "not json" })).toBe(true);
    expect(everything({})).toBe(true);
  });

  it("treats a dotted key like the nested keys it names", () => {
    expect(onBody({ "a.b": ["x"] })({ a: { b: "x" } })).toBe(true);
    expect(onBody({ a: { b: ["x"] } })({ "a.b": "x" })).toBe(true);
    expect(onBody({ a: { b: ["x"] } })({ a: [{ b: "y" }, { b: ["x"] }] })).toBe(true);
  });

  it("sees only leaf values: objects and empty arrays do not exist", () => {
    const exists = onBody({ a: [{ exists: true }] });
    expect(exists({ a: { b: 1 } })).toBe(false);
    expect(exists({ a: [] })).toBe(false);
    expect(exists({ a: null })).toBe(true);
    expect(onBody({ a: [null] })({ a: null })).toBe(true);
  });

  it("matches keys of different array elements independently", () => {
    const matches = onBody({ items: { kind: ["book"], price: [{ numeric: ["<", 10] }] } });
    expect(
      matches({
        items: [
          { kind: "book", price: 20 },
          { kind: "pen", price: 5 },
        ],
      }),
    ).toBe(true);
  });
});
