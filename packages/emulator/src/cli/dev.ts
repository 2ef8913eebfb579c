import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { RealClock } from "../clock/real-clock.js";
import { removeDevFile, writeDevFile } from "../dev/dev-file.js";
import { type DevServer, startDevServer } from "../dev/dev-server.js";
import { TerminalReporter } from "../dev/terminal-reporter.js";
import { DEFAULT_INSPECTOR } from "../host/host-options.js";
import { DEFAULT_PORT, LOOPBACK } from "../server/server.js";
import { type CliIo, type Command, EXIT, type ExitCode } from "./command.js";
import { numberOption, withUsageErrors } from "./parse-options.js";
import { UsageError } from "./usage-error.js";

const NAME = "dev";
const LOOPBACK_HOSTS = new Set([LOOPBACK, "localhost", "::1"]);

const OPTIONS = {
  stage: { type: "string", default: "dev" },
  port: { type: "string", default: String(DEFAULT_PORT) },
  host: { type: "string", default: LOOPBACK },
  speed: { type: "string", default: "1" },
  schedules: { type: "boolean", default: true },
  watch: { type: "boolean", default: true },
  inspect: { type: "string" },
} as const;

/** `domovoi dev [entry]`: the app, its AWS services and its schedules, until Ctrl-C. */
export const devCommand: Command = {
  name: NAME,
  summary: "run the app locally: Lambda Invoke API, AWS services, schedules, hot reload",
  help: () =>
    [
      `Usage: domovoi ${NAME} [entry] [options]`,
      "",
      "Runs the app (default ./app.ts) as Lambda would, reloading it when its files change, and",
      "serves the Lambda Invoke API and the emulated AWS services on one port. Its address goes",
      "to .domovoi/dev.json for `domovoi invoke`; every invocation is recorded in",
      ".domovoi/recordings/.",
      "",
      "Options:",
      "  --stage <name>      stage of .domovoi/config.json (default dev)",
      `  --port <port>       port to listen on (default ${DEFAULT_PORT}; 0: any free port)`,
      `  --host <address>    address to listen on (default ${LOOPBACK}; others can then invoke)`,
      "  --speed <n>         run schedules and retries n times faster than real time",
      "  --no-schedules      do not fire schedules (POST /_domovoi/schedules/<name>/trigger still does)",
      `  --inspect[=port]    open the debugger in the app (default port ${DEFAULT_INSPECTOR.port})`,
      "  --no-watch          do not reload the app when its files change",
      "",
      "API: POST /_domovoi/events/<kind> (generator parameters as JSON) generates and invokes an",
      "event; GET /_domovoi/schedules; POST /_domovoi/schedules/<name>/trigger;",
      "GET /_domovoi/recordings.",
      "",
    ].join("\n"),
  async run(args, io) {
    const { values, positionals } = withUsageErrors(NAME, () =>
      parseArgs({
        args: withInspectValue(args),
        options: OPTIONS,
        allowPositionals: true,
        allowNegative: true,
      }),
    );
    if (positionals.length > 1) throw new UsageError("Give one entry module at most.", NAME);
    const port = numberOption(NAME, "port", values.port, { min: 0, max: 65535, integer: true });
    const speed = numberOption(NAME, "speed", values.speed, {
      min: 0.001,
      max: 1e6,
      integer: false,
    });
    const inspect = inspectOption(values.inspect);
    const entry = resolve(io.cwd, positionals[0] ?? "app.ts");
    if (!existsSync(entry)) throw new UsageError(`No app at ${entry}.`, NAME);
    const reporter = new TerminalReporter(io.out, io.cwd);
    if (!LOOPBACK_HOSTS.has(values.host)) {
      reporter.warning(
        `listening on ${values.host}: whoever reaches it can invoke the function and read its recordings.`,
      );
    }
    const server = await startDevServer({
      entry,
      stage: values.stage,
      port,
      host: values.host,
      clock: new RealClock({ speed }),
      schedules: values.schedules,
      watch: values.watch,
      inspect,
      reporter,
    });
    return serveUntilInterrupted(server, reporter, values.schedules, io);
  },
};

/** Announces the server, tells other commands where it is, and stops it on Ctrl-C. */
async function serveUntilInterrupted(
  server: DevServer,
  reporter: TerminalReporter,
  schedulesRunning: boolean,
  io: CliIo,
): Promise<ExitCode> {
  const { projectDir, url, stage, functionName, region } = server;
  reporter.banner({
    url,
    functionName,
    stage,
    manifest: server.manifest,
    schedules: server.schedules.list(),
    services: server.services,
    schedulesRunning,
  });
  await writeDevFile(projectDir, {
    port: server.port,
    pid: process.pid,
    url,
    stage,
    functionName,
    region,
  });
  const signal = await io.untilInterrupted();
  io.out(`\n${signal}: stopping.\n`);
  try {
    await server.close();
  } finally {
    await removeDevFile(projectDir);
  }
  return EXIT.ok;
}

/** `--inspect` may come without a value; parseArgs wants one, so it gets an empty one. */
function withInspectValue(args: readonly string[]): string[] {
  return args.map((arg) => (arg === "--inspect" ? "--inspect=" : arg));
}

function inspectOption(value: string | undefined) {
  if (value === undefined) return undefined;
  if (value === "") return true;
  return { port: numberOption(NAME, "inspect", value, { min: 1, max: 65535, integer: true }) };
}
