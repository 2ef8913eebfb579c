import type { JsonValue } from "@domovoi/runtime";
import { type Difference, diffJson } from "./diff.js";
import type { RecordedOutcome, RecordingEntry } from "./format.js";
import { compileJsonPath, type JsonPath, withoutPaths } from "./json-path.js";
import { normalizeVolatile } from "./normalize.js";
import { failedOutcome } from "./outcome.js";
import { readRecordings } from "./read-recordings.js";

/** Runs one recorded event against the current code. */
export type ReplayInvoke = (entry: RecordingEntry) => Promise<RecordedOutcome>;

export interface ReplayOptions {
  /**
   * JSONPaths to leave out of the comparison, into the compared document: `{status, result}` for
   * a success, `{status, error: {errorType, errorMessage}}` for a failure (`$.result.createdAt`,
   * `$..etag`).
   */
  readonly ignorePaths?: readonly string[];
  /** Replace volatile values (request ids, UUIDs, times) on both sides first. Default true. */
  readonly normalize?: boolean;
}

/** `unrecorded`: the entry has no outcome to compare with (a captured event). */
export type ReplayVerdict = "same" | "different" | "unrecorded";

export interface ReplayedEntry {
  readonly entry: RecordingEntry;
  /** The file and line it was read from, when it was read from a file. */
  readonly source: { readonly file: string; readonly line: number } | undefined;
  /** What the current code answered. */
  readonly outcome: RecordedOutcome;
  readonly verdict: ReplayVerdict;
  readonly differences: readonly Difference[];
}

export interface ReplayReport {
  /** In recording order. */
  readonly entries: readonly ReplayedEntry[];
  readonly same: number;
  readonly different: number;
  readonly unrecorded: number;
  /** No replayed outcome differs from its recording. */
  readonly ok: boolean;
}

/**
 * Re-runs recorded events one after the other against the current code, through `invoke`, and
 * compares each outcome with the recorded one. A replay that cannot run (an alias the code no
 * longer has, say) counts as a failed outcome, so it shows as a difference.
 * @param source a recording file or folder (see `RECORDINGS_DIR`), or entries.
 * @throws InvalidJsonPathError for an ignore path, before anything runs;
 * InvalidRecordingError at the first malformed line.
 */
export async function replay(
  source: string | Iterable<RecordingEntry>,
  invoke: ReplayInvoke,
  options: ReplayOptions = {},
): Promise<ReplayReport> {
  const settings = {
    paths: (options.ignorePaths ?? []).map(compileJsonPath),
    normalize: options.normalize ?? true,
  };
  const entries: ReplayedEntry[] = [];
  for await (const { entry, source: from } of sourced(source)) {
    const outcome = await invoke(entry).catch(failedOutcome);
    const differences = entry.outcome ? compareOutcomes(entry.outcome, outcome, settings) : [];
    const verdict = !entry.outcome ? "unrecorded" : differences.length > 0 ? "different" : "same";
    entries.push({ entry, source: from, outcome, verdict, differences });
  }
  const count = (verdict: ReplayVerdict) => entries.filter((e) => e.verdict === verdict).length;
  const different = count("different");
  return {
    entries,
    same: count("same"),
    different,
    unrecorded: count("unrecorded"),
    ok: different === 0,
  };
}

async function* sourced(
  source: string | Iterable<RecordingEntry>,
): AsyncGenerator<{ entry: RecordingEntry; source: ReplayedEntry["source"] }> {
  if (typeof source !== "string") {
    for (const entry of source) yield { entry, source: undefined };
    return;
  }
  for await (const { entry, file, line } of readRecordings(source)) {
    yield { entry, source: { file, line } };
  }
}

/** The differences between two outcomes, as `replay` compares them. */
export function compareOutcomes(
  recorded: RecordedOutcome,
  replayed: RecordedOutcome,
  { paths, normalize }: { readonly paths: readonly JsonPath[]; readonly normalize: boolean },
): Difference[] {
  const prepare = (outcome: RecordedOutcome) => {
    const document = comparable(outcome);
    return withoutPaths(normalize ? normalizeVolatile(document) : document, paths);
  };
  return diffJson(prepare(recorded), prepare(replayed));
}

/** Stack traces are left out: they change with every edit of the code, not with its behaviour. */
function comparable(outcome: RecordedOutcome): JsonValue {
  if (outcome.status === "success") return { status: outcome.status, result: outcome.result };
  const { errorType, errorMessage } = outcome.error;
  return { status: outcome.status, error: { errorType, errorMessage } };
}
