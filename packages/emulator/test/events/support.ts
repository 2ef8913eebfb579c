import { unzipSync } from "node:zlib";
import { readCorpus } from "../../../../test/support/corpora.js";
import type { GeneratorOptions } from "../../src/events/index.js";

export const FIXED_TIME = "2024-05-01T12:00:00.123Z";

/** Options with a fixed clock and counting UUIDs, so that generated events are reproducible. */
export function fixedSources(overrides: GeneratorOptions = {}): GeneratorOptions {
  let next = 0;
  return {
    now: () => new Date(FIXED_TIME),
    randomUUID: () => {
      next += 1;
      return `6f1c2a3b-4d5e-4f60-8a7b-${next.toString(16).padStart(12, "0")}`;
    },
    ...overrides,
  };
}

/** One entry of the corpus's `events/index.json`. */
export interface EventCase {
  readonly file: string;
  readonly source: string;
  readonly key: string | null;
  readonly records: number | null;
  readonly invalid?: boolean;
}

const eventCases = readCorpus<EventCase[]>("events/index.json");

/** The real fixtures labelled with one of `labels` (parseable and not marked invalid). */
export function fixturesLabelled(...labels: string[]): unknown[] {
  return eventCases
    .filter(
      (entry) => labels.includes(entry.source) && entry.records !== null && entry.invalid !== true,
    )
    .map((entry) => readCorpus(`events/${entry.file}`));
}

/** CloudWatch Logs data as a subscription delivers it: base64, then gzip (or zlib). */
export function decodeAwslogs(event: unknown): unknown {
  const data = (event as { awslogs: { data: string } }).awslogs.data;
  return JSON.parse(unzipSync(Buffer.from(data, "base64")).toString("utf8"));
}
