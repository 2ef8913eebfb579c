import { DomovoiError } from "@domovoi/runtime";
import {
  assertNoS3NotificationOverlap,
  compileS3NotificationFilter,
  decodeS3EventKey,
  encodeS3EventKey,
  findS3NotificationOverlap,
  InvalidS3NotificationError,
  parseS3FilterRules,
  S3_EVENT_TYPES,
} from "@domovoi/runtime/matching";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

describe("compileS3NotificationFilter", () => {
  const monitor = compileS3NotificationFilter({
    events: ["s3:ObjectCreated:*"],
    prefix: "foo",
    suffix: ".bar",
  });

  it("matches record event names without the s3: prefix, within the category", () => {
    expect(monitor("ObjectCreated:Put", "foo/x.bar")).toBe(true);
    expect(monitor("ObjectCreated:CompleteMultipartUpload", "foo/x.bar")).toBe(true);
    expect(monitor("ObjectRemoved:Delete", "foo/x.bar")).toBe(false);
  });

  it("applies prefix and suffix case-sensitively to the encoded key", () => {
    expect(monitor("ObjectCreated:Put", "foo/x.baz")).toBe(false);
    expect(monitor("ObjectCreated:Put", "Foo/x.bar")).toBe(false);
    expect(monitor("ObjectCreated:Put", "bar/foo.bar")).toBe(false);
  });

  it("compares against the key as S3 encodes it, so filter values are written encoded", () => {
    const spaced = compileS3NotificationFilter({
      events: ["s3:ObjectCreated:Put"],
      prefix: "my+dir/",
    });
    expect(spaced("ObjectCreated:Put", encodeS3EventKey("my dir/a.txt"))).toBe(true);
    expect(spaced("ObjectCreated:Put", "my dir/a.txt")).toBe(false);
  });

  it("names a specific type and its sub-events", () => {
    const tiering = compileS3NotificationFilter({ events: ["s3:IntelligentTiering"] });
    expect(tiering("IntelligentTiering", "k")).toBe(true);
    expect(tiering("s3:IntelligentTiering:TransitionAccess", "k")).toBe(true);
    expect(tiering("ObjectCreated:Put", "k")).toBe(false);
  });

  it("rejects unknown event types and an empty list", () => {
    expect(() => compileS3NotificationFilter({ events: ["s3:ObjectCreated"] })).toThrow(
      /not supported for notifications: s3:ObjectCreated/,
    );
    expect(() => compileS3NotificationFilter({ events: ["s3:TestEvent"] })).toThrow(
      InvalidS3NotificationError,
    );
    expect(() => compileS3NotificationFilter({ events: [] })).toThrow(InvalidS3NotificationError);
  });

  it("accepts every documented event type", () => {
    for (const type of S3_EVENT_TYPES) {
      expect(() => compileS3NotificationFilter({ events: [type] })).not.toThrow();
    }
  });
});

describe("parseS3FilterRules", () => {
  it("takes rule names in any case", () => {
    expect(
      parseS3FilterRules([
        { Name: "Prefix", Value: "images/" },
        { Name: "SUFFIX", Value: ".jpg" },
      ]),
    ).toEqual({ prefix: "images/", suffix: ".jpg" });
  });

  it("rejects a second rule of a kind, unknown names and over-long values", () => {
    expect(() =>
      parseS3FilterRules([
        { Name: "prefix", Value: "a" },
        { Name: "Prefix", Value: "b" },
      ]),
    ).toThrow("Cannot specify more than one prefix rule in a filter.");
    expect(() => parseS3FilterRules([{ Name: "infix", Value: "a" }])).toThrow(
      /FilterRules\[0\]\.Name must be either prefix or suffix/,
    );
    expect(() => parseS3FilterRules([{ Name: "suffix", Value: "x".repeat(1025) }])).toThrow(
      /maximum is 1024/,
    );
  });
});

describe("overlap between configurations of one bucket", () => {
  // Examples from the S3 User Guide, "Configuring event notifications using object key name filtering".
  it("allows the same event type with disjoint prefixes or suffixes", () => {
    expect(
      findS3NotificationOverlap([
        { events: ["s3:ObjectCreated:Put"], prefix: "images/" },
        { events: ["s3:ObjectCreated:Put"], prefix: "logs/" },
      ]),
    ).toBeUndefined();
    expect(
      findS3NotificationOverlap([
        { events: ["s3:ObjectCreated:Put"], prefix: "images/", suffix: ".jpg" },
        { events: ["s3:ObjectCreated:Put"], prefix: "images/", suffix: ".png" },
      ]),
    ).toBeUndefined();
  });

  it("allows overlapping keys under different event types", () => {
    expect(
      findS3NotificationOverlap([
        { events: ["s3:ObjectCreated:*"], prefix: "images/" },
        { events: ["s3:ObjectRemoved:*"], prefix: "images/" },
      ]),
    ).toBeUndefined();
  });

  it("rejects overlapping prefixes, suffixes, and prefix with suffix", () => {
    const cases = [
      [{ prefix: "images" }, { prefix: "images/jpg" }],
      [{ suffix: ".jpg" }, { suffix: "jpg" }],
      [{ prefix: "images" }, { suffix: "jpg" }],
      [{}, { prefix: "logs/" }],
    ] as const;
    for (const [a, b] of cases) {
      const filters = [
        { events: ["s3:ObjectCreated:*"], ...a },
        { events: ["s3:ObjectCreated:Put"], ...b },
      ];
      expect(findS3NotificationOverlap(filters)).toEqual([0, 1]);
      expect(() => assertNoS3NotificationOverlap(filters)).toThrow(
        "Configurations overlap. Configurations on the same bucket cannot share a common event type.",
      );
    }
  });

  it("agrees with a brute-force search for a key that both filters deliver", () => {
    const part = fc.option(fc.stringMatching(/^[ab]{0,3}$/), { nil: undefined });
    const filter = fc.record({ prefix: part, suffix: part });
    const keys = allStrings("ab", 6);
    fc.assert(
      fc.property(filter, filter, (a, b) => {
        const events = ["s3:ObjectCreated:Put"];
        const one = compileS3NotificationFilter({ events, ...a });
        const two = compileS3NotificationFilter({ events, ...b });
        const shared = keys.some((k) => one("ObjectCreated:Put", k) && two("ObjectCreated:Put", k));
        const found = findS3NotificationOverlap([
          { events, ...a },
          { events, ...b },
        ]);
        expect(found !== undefined).toBe(shared);
      }),
      { numRuns: 300 },
    );
  });
});

describe("S3 key encoding", () => {
  it("encodes keys as S3 notifications carry them", () => {
    expect(encodeS3EventKey("red flower.jpg")).toBe("red+flower.jpg");
    expect(encodeS3EventKey("a+b/(1)=x.txt")).toBe("a%2Bb/%281%29%3Dx.txt");
    expect(encodeS3EventKey("été/ü.txt")).toBe("%C3%A9t%C3%A9/%C3%BC.txt");
  });

  it("round-trips any key", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (key) => {
        expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it("reports malformed encodings as a Domovoi error", () => {
    expect(() => decodeS3EventKey("bad%E0%A4%A")).toThrow(DomovoiError);
  });
});

function allStrings(alphabet: string, maxLength: number): string[] {
  const out = [""];
  for (let i = 0; out[i]!.length < maxLength; i++) {
    for (const c of alphabet) out.push(out[i] + c);
  }
  return out;
}
