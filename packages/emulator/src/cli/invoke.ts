import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { readDevFile } from "../dev/dev-file.js";
import { type EventKind, generateEvent, isEventKind } from "../events/index.js";
import { type CliIo, type Command, EXIT, type ExitCode } from "./command.js";
import { eventKindArgument, eventParamsFromFlags } from "./event-flags.js";
import { eventKindsText, eventParamsText } from "./event-help-text.js";
import { withInProcessServer } from "./in-process-server.js";
import { splitOptions } from "./split-options.js";
import { UsageError } from "./usage-error.js";

const NAME = "invoke";
/** What in-process invocations are caused by, for their logs. */
const INVOKE_CLI_TRIGGER = "invoke-cli";

const OPTIONS = {
  entry: "string",
  stage: "string",
  qualifier: "string",
  logs: "boolean",
  "in-process": "boolean",
} as const;

/** An event to send: generated from a kind and parameters, or read from a file. */
type EventSource =
  | { readonly kind: EventKind; readonly params: Record<string, unknown> }
  | { readonly file: string };

/** What any invocation path answers. */
interface Invoked {
  /** The response, or Lambda's error document, as JSON text. */
  readonly payload: string;
  readonly failed: boolean;
  readonly logs: readonly string[];
}

interface InvokeSettings {
  readonly entry: string;
  readonly stage: string | undefined;
  readonly qualifier: string | undefined;
  readonly logs: boolean;
}

/** `domovoi invoke <kind|file.json>`: one invocation of the running server's function, or in-process. */
export const invokeCommand: Command = {
  name: NAME,
  summary: "invoke the function with a generated event or an event file",
  help([target]) {
    const params = isEventKind(target)
      ? `\nParameters of ${target}:\n${eventParamsText(target)}\n`
      : "";
    return [
      `Usage: domovoi ${NAME} <kind|file.json> [--param value ...] [options]`,
      "",
      "Invokes the function of the running `domovoi dev` (found through .domovoi/dev.json) through",
      "the Lambda Invoke API, and prints its response; the exit code is 1 when the function failed.",
      "",
      "Options:",
      "  --entry <file>     the app (default ./app.ts); its folder holds .domovoi/",
      "  --in-process       load the app here instead of invoking a running server",
      "  --stage <name>     with --in-process: stage of .domovoi/config.json (default dev)",
      "  --qualifier <q>    invoke a version or alias ($LATEST, a Step Functions task alias)",
      "  --logs             print the invocation's logs to stderr (the last 4 KB from a server)",
      params,
      `Kinds (parameters: domovoi ${NAME} <kind> --help):`,
      eventKindsText(),
      "",
    ].join("\n");
  },
  async run(args, io) {
    const { options, rest } = splitOptions(NAME, args, OPTIONS);
    const [target, ...flags] = rest;
    const source = eventSource(target, flags);
    const settings: InvokeSettings = {
      entry: resolve(io.cwd, options.entry ?? "app.ts"),
      stage: options.stage,
      qualifier: options.qualifier,
      logs: options.logs === true,
    };
    if (options.stage !== undefined && !options["in-process"]) {
      throw new UsageError("--stage goes with --in-process: a running server has its stage.", NAME);
    }
    const invoked = options["in-process"]
      ? await invokeInProcess(source, settings, io)
      : await invokeServer(source, settings, io);
    return print(invoked, settings.logs, io);
  },
};

function eventSource(target: string | undefined, flags: readonly string[]): EventSource {
  if (target?.endsWith(".json")) {
    if (flags.length > 0) throw new UsageError("An event file takes no parameters.", NAME);
    return { file: target };
  }
  const kind = eventKindArgument(NAME, target);
  return { kind, params: eventParamsFromFlags(NAME, kind, flags) };
}

async function eventOf(source: EventSource, region: string, io: CliIo): Promise<unknown> {
  if ("kind" in source) return generateEvent(source.kind, source.params, { region });
  const text = await readFile(resolve(io.cwd, source.file), "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source.file} is not JSON: ${(error as Error).message}`, NAME);
  }
}

/** Through `@aws-sdk/client-lambda`, as any client of the emulator would. */
async function invokeServer(
  source: EventSource,
  settings: InvokeSettings,
  io: CliIo,
): Promise<Invoked> {
  const server = await readDevFile(dirname(settings.entry));
  const event = await eventOf(source, server.region, io);
  const { InvokeCommand, LambdaClient } = await import("@aws-sdk/client-lambda");
  const client = new LambdaClient({
    endpoint: server.url,
    region: server.region,
    credentials: { accessKeyId: "domovoi", secretAccessKey: "domovoi" },
    maxAttempts: 1,
  });
  try {
    const response = await client.send(
      new InvokeCommand({
        FunctionName: server.functionName,
        Qualifier: settings.qualifier,
        Payload: new TextEncoder().encode(JSON.stringify(event)),
        LogType: settings.logs ? "Tail" : "None",
      }),
    );
    const tail = response.LogResult
      ? Buffer.from(response.LogResult, "base64").toString("utf8")
      : "";
    return {
      payload: new TextDecoder().decode(response.Payload ?? new Uint8Array()),
      failed: response.FunctionError !== undefined,
      logs: tail === "" ? [] : tail.trimEnd().split("\n"),
    };
  } finally {
    client.destroy();
  }
}

async function invokeInProcess(
  source: EventSource,
  settings: InvokeSettings,
  io: CliIo,
): Promise<Invoked> {
  return withInProcessServer(settings.entry, settings.stage, async (server) => {
    const event = await eventOf(source, server.region, io);
    const result = await server.lambda.invoke({
      payload: JSON.stringify(event),
      qualifier: settings.qualifier,
      trigger: INVOKE_CLI_TRIGGER,
    });
    return {
      payload: result.payload,
      failed: result.status !== "success",
      logs: result.logs.map((line) => line.text.replaceAll("\r", "\n")),
    };
  });
}

function print(invoked: Invoked, logs: boolean, io: CliIo): ExitCode {
  if (logs) for (const line of invoked.logs) io.err(`${line}\n`);
  io.out(`${prettyJson(invoked.payload)}\n`);
  return invoked.failed ? EXIT.failure : EXIT.ok;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
