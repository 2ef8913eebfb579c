import { describe, expect, it } from "vitest";
// The runtime's detection is not part of its package API; the emulator's tests reach into it.
import { type DetectedSource, detectSource } from "../../../runtime/src/sources/index.js";
import { generateEvent } from "../../src/events/index.js";
import { SAMPLES } from "./samples.js";
import { fixedSources } from "./support.js";

type Carried = { readonly records?: readonly { readonly inner: Carried | null }[] } & Pick<
  DetectedSource,
  "kind" | "key"
>;

/** The source found, then the source each first record carries, down to the innermost. */
function routeOf(source: Carried): [string, string | null][] {
  const inner = source.records?.[0]?.inner;
  return [[source.kind, source.key], ...(inner ? routeOf(inner) : [])];
}

describe("the runtime recognises every generated event", () => {
  for (const sample of SAMPLES) {
    it(sample.name, () => {
      const event = generateEvent(sample.kind, sample.params, fixedSources());
      expect(routeOf(detectSource(event))).toEqual(sample.route);
    });
  }
});
