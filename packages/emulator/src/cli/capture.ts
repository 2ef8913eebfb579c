import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { reassembleCaptures } from "@domovoi/runtime/capture";
import { RECORDINGS_DIR, toRecordingLine } from "../recording/format.js";
import { capturedEntry } from "./capture/captured-entry.js";
import { exportMessages } from "./capture/export-messages.js";
import { timeOption } from "./capture/time-option.js";
import { type Command, EXIT } from "./command.js";
import { withUsageErrors } from "./parse-options.js";
import { UsageError } from "./usage-error.js";

const NAME = "capture";

const OPTIONS = {
  "log-group": { type: "string" },
  "from-export": { type: "string" },
  since: { type: "string", default: "1h" },
  until: { type: "string" },
  region: { type: "string" },
  profile: { type: "string" },
  out: { type: "string" },
} as const;

/** `domovoi capture`: production events, logged by `captureEvents`, into a recording. */
export const captureCommand: Command = {
  name: NAME,
  summary: "turn events captured in production logs into a recording for replay",
  help: () =>
    [
      `Usage: domovoi ${NAME} --log-group <name> [--since 1h] [--until <time>] [--out <file>]`,
      `       domovoi ${NAME} --from-export <file> [--out <file>]`,
      "",
      "Collects the events a function wrapped with captureEvents (@domovoi/runtime/capture)",
      "logged, from a CloudWatch Logs group or from a saved export of its logs, puts events that",
      "were split over several log lines back together, and writes them as a recording that",
      "`domovoi replay` runs against the current code.",
      "",
      "Options:",
      "  --log-group <name>   the function's log group, such as /aws/lambda/my-app-prod",
      "  --since <time>       from: a duration back from now (30m, 2h, 7d) or an ISO time (default 1h)",
      "  --until <time>       to (default: now)",
      "  --region, --profile  the AWS region and credentials profile to read the logs with",
      "  --from-export <file> read a saved export instead: `aws logs filter-log-events` JSON,",
      "                       JSON lines, or plain log lines, gzipped or not",
      `  --out <file>         the recording to write (default ${RECORDINGS_DIR}/capture-<time>.jsonl)`,
      "",
    ].join("\n"),
  async run(args, io) {
    const { values, positionals } = withUsageErrors(NAME, () =>
      parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true }),
    );
    if (positionals.length > 0)
      throw new UsageError(`Unexpected argument "${positionals[0]}".`, NAME);
    const logGroup = values["log-group"];
    const exportFile = values["from-export"];
    if ((logGroup === undefined) === (exportFile === undefined)) {
      throw new UsageError("Give either --log-group or --from-export.", NAME);
    }
    const now = Date.now();
    const messages =
      exportFile === undefined
        ? await readLogGroup(logGroup!, values, now)
        : exportMessages(await readFile(resolve(io.cwd, exportFile)));
    const trigger = `capture:${logGroup ?? basename(exportFile!)}`;
    const { events, problems } = reassembleCaptures(messages);
    for (const problem of problems) io.err(`warning: ${problem}\n`);
    if (events.length === 0) {
      io.err("No captured events found: is the handler wrapped with captureEvents?\n");
      return EXIT.failure;
    }
    const out = resolve(io.cwd, values.out ?? defaultOut(now));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(
      out,
      events.map((event) => `${toRecordingLine(capturedEntry(event, trigger))}\n`).join(""),
    );
    io.out(`Captured ${events.length} events into ${relative(io.cwd, out) || out}.\n`);
    return EXIT.ok;
  },
};

async function readLogGroup(
  logGroupName: string,
  values: { since: string; until?: string; region?: string; profile?: string },
  now: number,
): Promise<string[]> {
  const startTime = timeOption(NAME, "since", values.since, now);
  const endTime =
    values.until === undefined ? undefined : timeOption(NAME, "until", values.until, now);
  // Loaded only here: the other commands need no CloudWatch Logs client.
  const [{ CloudWatchLogsClient }, { logGroupMessages }] = await Promise.all([
    import("@aws-sdk/client-cloudwatch-logs"),
    import("./capture/log-group-messages.js"),
  ]);
  const client = new CloudWatchLogsClient({ region: values.region, profile: values.profile });
  try {
    return await logGroupMessages(client, { logGroupName, startTime, endTime });
  } finally {
    client.destroy();
  }
}

function defaultOut(now: number): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return join(RECORDINGS_DIR, `capture-${stamp}.jsonl`);
}
