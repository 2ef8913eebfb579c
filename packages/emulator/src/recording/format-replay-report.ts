import type { Difference } from "./diff.js";
import type { ReplayedEntry, ReplayReport } from "./replay.js";

/** Longest rendering of one value in a difference line. */
const MAX_VALUE_LENGTH = 200;

/**
 * The report as `domovoi replay` prints it: one line per entry that differs or has no recorded
 * outcome (with a line per difference), then the counts.
 */
export function formatReplayReport(report: ReplayReport): string {
  const lines = report.entries.flatMap((replayed) =>
    replayed.verdict === "same" ? [] : describeEntry(replayed),
  );
  lines.push(
    `${report.entries.length} replayed: ${report.same} same, ${report.different} different, ${report.unrecorded} without a recorded outcome.`,
  );
  return lines.join("\n");
}

function describeEntry({ entry, source, verdict, differences, outcome }: ReplayedEntry): string[] {
  const where = source ? ` (${source.file}:${source.line})` : "";
  const title = `${entry.time} ${entry.trigger}${where}`;
  if (verdict === "unrecorded") return [`? ${title}: now ${render(outcome)}`];
  return [`✗ ${title}`, ...differences.map(describeDifference)];
}

function describeDifference({ path, recorded, replayed }: Difference): string {
  return `    ${path}: recorded ${render(recorded)}, replayed ${render(replayed)}`;
}

function render(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}
