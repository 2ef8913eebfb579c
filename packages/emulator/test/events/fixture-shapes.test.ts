import { describe, expect, it } from "vitest";
import { generateEvent } from "../../src/events/index.js";
import { shapeDifferences } from "./key-shape.js";
import { FAMILIES, SAMPLES } from "./samples.js";
import { fixedSources } from "./support.js";

/**
 * Every generated event has the field set of the real fixtures of its source: no field that no
 * fixture has, and every field that all fixtures have. Wrapped events are compared part by part
 * (the SQS record, the SNS envelope in its body, the S3 notification in that).
 */
describe("generated events have the field set of the real fixtures", () => {
  for (const sample of SAMPLES) {
    it(sample.name, () => {
      const event = generateEvent(sample.kind, sample.params, fixedSources());
      for (const [familyName, part] of sample.views) {
        const family = FAMILIES[familyName];
        const fixtures = family.fixtures();
        expect(fixtures.length, familyName).toBeGreaterThan(0);
        for (const generated of part(event)) {
          expect(shapeDifferences(generated, fixtures, family.rules), familyName).toEqual({
            unknown: [],
            missing: [],
          });
        }
      }
    });
  }
});
