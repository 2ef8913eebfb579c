import { readCorpus } from "../../../../test/support/corpora.js";

/** One entry of the corpus's `events/index.json` (see the corpora README). */
export interface LabelledEvent {
  readonly file: string;
  readonly source: string;
  readonly key: string | null;
  readonly records: number | null;
  readonly invalid?: boolean;
  readonly note?: string;
}

export const labelledEvents = readCorpus<LabelledEvent[]>("events/index.json");

/** A fresh copy of a fixture, which a test may change. */
export function fixture<T = Record<string, unknown>>(file: string): T {
  return readCorpus<T>(`events/${file}`);
}

/** The first fixture labelled `source`. */
export function fixtureLabelled<T = Record<string, unknown>>(source: string): T {
  const entry = labelledEvents.find((e) => e.source === source && e.records !== null && !e.invalid);
  if (!entry) throw new Error(`No fixture is labelled ${source}.`);
  return fixture<T>(entry.file);
}
