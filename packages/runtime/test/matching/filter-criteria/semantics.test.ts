import { compileFilterCriteria, InvalidFilterCriteriaError } from "@domovoi/runtime/matching";
import { describe, expect, it } from "vitest";
import { kinesisRecord, sqsRecord } from "./records.js";

const criteria = (...patterns: object[]) => ({
  Filters: patterns.map((pattern) => ({ Pattern: JSON.stringify(pattern) })),
});

describe("filter criteria semantics beyond the corpus", () => {
  it.each([
    { body: { key: [{ wildcard: "a*" }] } },
    { body: { ip: [{ cidr: "10.0.0.0/8" }] } },
    { $or: [{ body: { a: ["x"] } }, { body: { b: ["y"] } }] },
    { body: { key: [{ "anything-but": { wildcard: "a*" } }] } },
  ])("rejects operators Lambda does not document: %j", (pattern) => {
    expect(() => compileFilterCriteria(criteria(pattern), "sqs")).toThrow(
      InvalidFilterCriteriaError,
    );
  });

  it("allows at most five filters, and passes every record without any", () => {
    const six = Array.from({ length: 6 }, (_, index) => ({ body: { n: [index] } }));
    expect(() => compileFilterCriteria(criteria(...six), "sqs")).toThrow(
      InvalidFilterCriteriaError,
    );
    expect(compileFilterCriteria({}, "sqs")(sqsRecord("anything"))).toBe(true);
  });

  it("drops SQS messages whose body format differs from the pattern's", () => {
    const plain = compileFilterCriteria(criteria({ body: [{ prefix: "{" }] }), "sqs");
    expect(plain(sqsRecord('{"a": 1}'))).toBe(false);
    expect(plain(sqsRecord("{not json"))).toBe(true);
    const json = compileFilterCriteria(criteria({ body: { a: [{ exists: false }] } }), "sqs");
    expect(json(sqsRecord("plain text"))).toBe(false);
    expect(json(sqsRecord('{"b": 1}'))).toBe(true);
  });

  it("ORs filters and ignores records it cannot read", () => {
    const passes = compileFilterCriteria(
      criteria({ body: { a: [1] } }, { body: { a: [2] } }),
      "sqs",
    );
    expect(passes(sqsRecord('{"a": 2}'))).toBe(true);
    expect(passes({ body: 42 })).toBe(false);
    expect(passes(null)).toBe(false);
  });

  it("filters Kinesis records on decoded JSON data only", () => {
    expect(() => compileFilterCriteria(criteria({ data: [{ prefix: "x" }] }), "kinesis")).toThrow(
      InvalidFilterCriteriaError,
    );
    const passes = compileFilterCriteria(
      criteria({ partitionKey: ["pk"], data: { n: [1] } }),
      "kinesis",
    );
    expect(passes(kinesisRecord('{"n": 1}', "pk"))).toBe(true);
    expect(passes(kinesisRecord("n=1", "pk"))).toBe(false);
  });
});
