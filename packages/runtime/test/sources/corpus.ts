import { readCorpus } from "../../../../test/support/corpora.js";

/** One entry of `events/index.json`: a fixture and the source and routing key labelled for it. */
export interface EventCase {
  readonly file: string;
  readonly source: string;
  readonly key: string | null;
  /** `Records` length (1 without `Records`); `null` for the fixture that is not parseable JSON. */
  readonly records: number | null;
  readonly invalid?: boolean;
  readonly note?: string;
}

export const eventCases: readonly EventCase[] = readCorpus<EventCase[]>("events/index.json");

/** Cases whose fixture is JSON (one upstream fixture is deliberately truncated). */
export const parseableCases = eventCases.filter((entry) => entry.records !== null);

export function casesLabelled(...sources: string[]): EventCase[] {
  return parseableCases.filter((entry) => sources.includes(entry.source));
}

/** A fresh copy of a fixture, so that a test may change it. */
export function loadEvent<T = Record<string, unknown>>(file: string): T {
  return readCorpus<T>(`events/${file}`);
}

/** The first fixture labelled `source`, for tests that build variants of a real event. */
export function firstEventLabelled<T = Record<string, unknown>>(source: string): T {
  const entry = parseableCases.find((candidate) => candidate.source === source);
  if (entry === undefined) throw new Error(`no fixture labelled ${source}`);
  return loadEvent<T>(entry.file);
}

/** Labels of the sources Domovoi does not route: detection must reject their fixtures. */
export const UNROUTED_SOURCES = [
  "apigw-http",
  "apigw-rest",
  "apigw-websocket",
  "function-url",
  "cognito",
  "appsync",
  "cloudformation",
  "firehose",
  "kafka",
  "mq",
  "other",
];
