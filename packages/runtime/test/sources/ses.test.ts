import type { SESEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { detectSes, isSesEvent } from "../../src/sources/index.js";
import { casesLabelled, loadEvent } from "./corpus.js";

describe("SES corpus fixtures", () => {
  for (const entry of casesLabelled("ses")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isSesEvent(event)).toBe(true);
      expect(detectSes(event as unknown as SESEvent)).toEqual({
        kind: "ses",
        event,
        key: entry.key,
      });
    });
  }
});
