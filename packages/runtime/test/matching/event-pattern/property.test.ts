import { compileEventPattern } from "@domovoi/runtime/matching";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventFor, pattern } from "./arbitraries.js";
import { referenceMatches } from "./reference.js";

const patternWithEvents = pattern.chain((p) =>
  fc.tuple(fc.constant(p), fc.array(eventFor(p), { minLength: 1, maxLength: 8 })),
);

describe("compiled event patterns", () => {
  it("agree with the reference interpreter on generated patterns and events", () => {
    fc.assert(
      fc.property(patternWithEvents, ([p, events]) => {
        const matches = compileEventPattern(p);
        for (const e of events) expect(matches(e)).toBe(referenceMatches(p, e));
      }),
      { numRuns: 300 },
    );
  });

  // A comparison on events that never match would say little: the events are derived from the
  // patterns so that matches and near misses both come up often.
  it("are tried on about as many matching as non-matching events", () => {
    const pairs = fc
      .sample(patternWithEvents, { numRuns: 300, seed: 20_240_601 })
      .flatMap(([p, events]) => events.map((e) => referenceMatches(p, e)));
    const share = pairs.filter(Boolean).length / pairs.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.65);
  });
});
