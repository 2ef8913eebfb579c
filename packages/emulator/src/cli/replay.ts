import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { JsonValue } from "@domovoi/runtime";
import type { Difference } from "../recording/diff.js";
import { outcomeOf } from "../recording/outcome.js";
import { type ReplayedEntry, replay } from "../recording/replay.js";
import { type CliIo, type Command, EXIT } from "./command.js";
import { withInProcessServer } from "./in-process-server.js";
import { withUsageErrors } from "./parse-options.js";
import { UsageError } from "./usage-error.js";

const NAME = "replay";
const REPLAY_TRIGGER = "replay";

const OPTIONS = {
  ignore: { type: "string", multiple: true, default: [] as string[] },
  entry: { type: "string", default: "app.ts" },
  stage: { type: "string" },
  normalize: { type: "boolean", default: true },
} as const;

/** `domovoi replay <file|folder>`: recorded events against the current code, as a regression check. */
export const replayCommand: Command = {
  name: NAME,
  summary: "re-run recorded or captured events against the current code; exit 1 on a difference",
  help: () =>
    [
      `Usage: domovoi ${NAME} <file|folder> [options]`,
      "",
      "Runs every event of a recording (a .jsonl file, or every .jsonl file of a folder such as",
      ".domovoi/recordings) against the app as it is now, and reports each outcome that differs",
      "from the recorded one. Request ids, UUIDs and times are normalised before comparing.",
      "",
      "Options:",
      "  --ignore <path>   JSONPath to leave out of the comparison, repeatable: the compared",
      '                    document is {"status", "result"} or {"status", "error"}',
      "                    (--ignore '$.result.createdAt' --ignore '$..etag')",
      "  --no-normalize    compare volatile values (ids, times) as they are",
      "  --entry <file>    the app (default ./app.ts)",
      "  --stage <name>    stage of .domovoi/config.json (default dev)",
      "",
    ].join("\n"),
  async run(args, io) {
    const { values, positionals } = withUsageErrors(NAME, () =>
      parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, allowNegative: true }),
    );
    if (positionals.length !== 1) throw new UsageError("Name one recording file or folder.", NAME);
    const source = resolve(io.cwd, positionals[0]!);
    const report = await withInProcessServer(
      resolve(io.cwd, values.entry),
      values.stage,
      (server) =>
        replay(
          source,
          async (entry) =>
            outcomeOf(
              await server.lambda.invoke({
                payload: JSON.stringify(entry.event),
                qualifier: entry.qualifier,
                trigger: REPLAY_TRIGGER,
              }),
            ),
          { ignorePaths: values.ignore, normalize: values.normalize },
        ),
    );
    for (const entry of report.entries) printEntry(entry, io);
    io.out(
      `Replayed ${report.entries.length} events: ${report.same} same, ${report.different} different, ${report.unrecorded} without a recorded outcome.\n`,
    );
    return report.ok ? EXIT.ok : EXIT.failure;
  },
};

/** Differences in full; events with nothing to compare only when they fail now. */
function printEntry(
  { entry, source, outcome, verdict, differences }: ReplayedEntry,
  io: CliIo,
): void {
  const where = source ? `${relative(io.cwd, source.file)}:${source.line}` : entry.time;
  if (verdict === "different") {
    io.out(`DIFFERENT ${where} (${entry.trigger})\n`);
    for (const difference of differences) io.out(`  ${differenceText(difference)}\n`);
  } else if (verdict === "unrecorded" && outcome.status !== "success") {
    io.out(
      `FAILS     ${where} (${entry.trigger}): ${outcome.error.errorType}: ${outcome.error.errorMessage}\n`,
    );
  }
}

function differenceText({ path, recorded, replayed }: Difference): string {
  return `${path}: recorded ${valueText(recorded)}, now ${valueText(replayed)}`;
}

function valueText(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
