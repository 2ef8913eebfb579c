import type { JsonValue } from "@domovoi/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareOutcomes,
  compileJsonPath,
  diffJson,
  IGNORED,
  InvalidJsonPathError,
  normalizeVolatile,
  withoutPaths,
} from "../../src/recording/index.js";

const json = fc.jsonValue() as fc.Arbitrary<JsonValue>;

describe("normalizeVolatile", () => {
  it("replaces request ids, UUIDs, ISO times and epoch milliseconds", () => {
    expect(
      normalizeVolatile({
        requestId: "abc",
        awsRequestId: "def",
        "x-amz-request-id": "C3D13FE58DE4C810",
        id: "0f6a5c5e-2c1b-4c1e-9a3f-6d9c2b7e8a10",
        message: "RequestId: 0f6a5c5e-2c1b-4c1e-9a3f-6d9c2b7e8a10 Error: Task timed out",
        at: "2024-03-01T18:00:00.123Z",
        day: "2024-03-01",
        seen: ["at 2024-03-01T18:00:00+01:00 and 2024-03-01T18:00Z"],
        sent: 1709316000123,
        sentText: "1709316000123",
        count: 42,
        big: 12345678901234,
      }),
    ).toEqual({
      requestId: "<request-id>",
      awsRequestId: "<request-id>",
      "x-amz-request-id": "<request-id>",
      id: "<uuid>",
      message: "RequestId: <uuid> Error: Task timed out",
      at: "<timestamp>",
      day: "2024-03-01",
      seen: ["at <timestamp> and <timestamp>"],
      sent: "<epoch-ms>",
      sentText: "<epoch-ms>",
      count: 42,
      big: 12345678901234,
    });
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(json, (value) => {
        const once = normalizeVolatile(value);
        expect(normalizeVolatile(once)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe("JSON paths to ignore", () => {
  const document = {
    status: "success",
    result: {
      id: 1,
      items: [
        { id: "a", n: 1 },
        { id: "b", n: 2 },
      ],
      meta: { id: 9, "x-etag": "e" },
    },
  } as const satisfies JsonValue;
  const without = (...paths: string[]) => withoutPaths(document, paths.map(compileJsonPath));

  it.each([
    [["$.result.id"], { ...document.result, id: undefined }],
    [["result.meta['x-etag']"], { ...document.result, meta: { id: 9 } }],
    [["$.result.items[*].id"], { ...document.result, items: [{ n: 1 }, { n: 2 }] }],
    [["$.result.items[0]"], { ...document.result, items: [IGNORED, { id: "b", n: 2 }] }],
    [["$..id"], { items: [{ n: 1 }, { n: 2 }], meta: { "x-etag": "e" } }],
    [["$.result.*"], {}],
    [["$.result.missing", "$.result.items[5]"], document.result],
  ])("%j leaves the rest", (paths, result) => {
    expect(without(...paths)).toEqual({
      status: "success",
      result: JSON.parse(JSON.stringify(result)),
    });
  });

  it("never changes the document it is given", () => {
    fc.assert(
      fc.property(json, (value) => {
        const before = structuredClone(value);
        withoutPaths(value, [compileJsonPath("$..a"), compileJsonPath("$[*]")]);
        expect(value).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it.each(["$", "$.", "$.a[", "$..*", "$[-1]", "$.a]", "$['open"])("refuses %j", (path) => {
    expect(() => compileJsonPath(path)).toThrow(InvalidJsonPathError);
  });
});

describe("diffJson", () => {
  it("names each place that differs", () => {
    expect(
      diffJson(
        { a: 1, b: [1, 2], c: { d: "x" }, "odd key": 1 },
        { a: 2, b: [1], c: { d: "x", e: null }, "odd key": 1 },
      ),
    ).toEqual([
      { path: "$.a", recorded: 1, replayed: 2 },
      { path: "$.b[1]", recorded: 2, replayed: undefined },
      { path: "$.c.e", recorded: undefined, replayed: null },
    ]);
    expect(diffJson({ "a-b": [] }, { "a-b": {} })).toEqual([
      { path: '$["a-b"]', recorded: [], replayed: {} },
    ]);
  });

  it("finds no difference between a document and its copy, and one between any two that differ", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(diffJson(a, structuredClone(a))).toEqual([]);
        expect(diffJson(a, b).length === 0).toBe(
          JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("compareOutcomes", () => {
  const settings = { paths: [], normalize: true };

  it("compares errors by type and message, never by stack trace", () => {
    const error = (trace: string[]) => ({
      status: "error" as const,
      error: { errorType: "E", errorMessage: "m", trace },
    });
    expect(compareOutcomes(error(["at a.ts:1"]), error(["at a.ts:2"]), settings)).toEqual([]);
  });

  it("reports a success that became a failure", () => {
    expect(
      compareOutcomes(
        { status: "success", result: 1 },
        { status: "timeout", error: { errorType: "Sandbox.Timedout", errorMessage: "…" } },
        settings,
      ),
    ).toEqual([
      { path: "$.status", recorded: "success", replayed: "timeout" },
      { path: "$.result", recorded: 1, replayed: undefined },
      {
        path: "$.error",
        recorded: undefined,
        replayed: { errorType: "Sandbox.Timedout", errorMessage: "…" },
      },
    ]);
  });
});

/** The value with object keys in order, so that equal documents serialise alike. */
function sorted(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted(value[key]!)]),
  );
}
