import { compileEventPattern } from "@domovoi/runtime/matching";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceMatches } from "./reference.js";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// Few keys and values, so that generated patterns often meet the events they are tried on; the
// dotted key exercises the equivalence of "a.b" with a nested "a" / "b".
const key = fc.constantFrom("a", "b", "c", "a.b");
const text = fc.constantFrom("x", "xy", "yx", "X", "", "y");
const number = fc.constantFrom(0, 1, 2, 2.5, -1, 10);
const leaf = fc.oneof(text, number, fc.boolean(), fc.constant(null));

const { event } = fc.letrec<{ event: Json; value: Json }>((tie) => ({
  event: fc.dictionary(key, tie("value"), { maxKeys: 3 }),
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    tie("event"),
  ),
}));

const nonEmptyText = fc.constantFrom("x", "y", "X");
const numericTerms = fc.oneof(
  fc.tuple(fc.constantFrom("<", "<=", ">", ">=", "="), number).map(([op, n]) => [op, n]),
  fc
    .tuple(
      fc.constantFrom(">", ">="),
      fc.constantFrom("<", "<="),
      number,
      fc.integer({ min: 1, max: 5 }),
    )
    .map(([low, high, bottom, width]) => [low, bottom, high, bottom + width]),
);
const condition: fc.Arbitrary<Json> = fc.oneof(
  leaf,
  fc.record({ prefix: fc.oneof(text, fc.record({ "equals-ignore-case": text })) }),
  fc.record({ suffix: fc.oneof(text, fc.record({ "equals-ignore-case": text })) }),
  fc.record({ "equals-ignore-case": text }),
  fc.record({ numeric: numericTerms }),
  fc.record({ exists: fc.boolean() }),
  fc.record({
    "anything-but": fc.oneof(
      text,
      number,
      fc.array(text, { minLength: 1, maxLength: 3 }),
      fc.array(number, { minLength: 1, maxLength: 3 }),
      fc.record({ prefix: nonEmptyText }),
      fc.record({ suffix: fc.array(nonEmptyText, { minLength: 1, maxLength: 2 }) }),
      fc.record({ "equals-ignore-case": fc.oneof(text, fc.array(text, { minLength: 1 })) }),
    ),
  }),
);

const { plain } = fc.letrec<{ plain: Json; field: Json }>((tie) => ({
  plain: fc.dictionary(key, tie("field"), { minKeys: 1, maxKeys: 3 }),
  field: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.array(condition, { minLength: 1, maxLength: 3 }),
    tie("plain"),
  ),
}));
// `$or` forks the pattern into branches; one level of it (at the root or under a key) keeps
// the number of branches, and so the run time, bounded.
const withOr = fc
  .tuple(fc.dictionary(key, plain, { maxKeys: 1 }), fc.array(plain, { minLength: 2, maxLength: 3 }))
  .map(([fields, alternatives]) => ({ ...fields, $or: alternatives }));
const pattern = fc.oneof(
  plain,
  withOr,
  fc.tuple(key, withOr).map(([name, inner]) => ({ [name]: inner })),
);

describe("compiled event patterns", () => {
  it("agree with the reference interpreter on generated patterns and events", () => {
    fc.assert(
      fc.property(pattern, fc.array(event, { minLength: 1, maxLength: 8 }), (p, events) => {
        const matches = compileEventPattern(p as object);
        for (const e of events) expect(matches(e)).toBe(referenceMatches(p, e));
      }),
      { numRuns: 300 },
    );
  });
});
