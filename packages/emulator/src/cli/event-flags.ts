import { EVENT_KINDS, type EventKind, isEventKind } from "../events/index.js";
import { EVENT_KIND_HELP, type ParamHelp } from "./event-kind-help.js";
import { UsageError } from "./usage-error.js";

/** The event kind named on a command line, checked. */
export function eventKindArgument(command: string, kind: string | undefined): EventKind {
  if (kind === undefined) {
    throw new UsageError(`Name an event kind: ${EVENT_KINDS.join(", ")}.`, command);
  }
  if (!isEventKind(kind)) {
    throw new UsageError(
      `Unknown event kind "${kind}" (expected one of ${EVENT_KINDS.join(", ")}).`,
      command,
    );
  }
  return kind;
}

/**
 * The generator parameters given as flags (`--queue my_queue --body '{"beer":1}'`, or
 * `--name=value`): kebab-case flags name camelCase parameters; a flag with no value is `true`;
 * each value is read as its parameter's type says.
 */
export function eventParamsFromFlags(
  command: string,
  kind: EventKind,
  args: readonly string[],
): Record<string, unknown> {
  const { params } = EVENT_KIND_HELP[kind];
  const values: Record<string, unknown> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith("--")) {
      throw new UsageError(`Unexpected argument "${arg}": parameters are --name value.`, command);
    }
    const equals = arg.indexOf("=");
    const flag = arg.slice(2, equals === -1 ? undefined : equals);
    const name = paramOfFlag(kind, flag);
    const spec = name === undefined ? undefined : params[name];
    if (name === undefined || !spec) {
      throw new UsageError(
        `The ${kind} event has no parameter --${flag} (see domovoi ${command} ${kind} --help).`,
        command,
      );
    }
    const next = args[index + 1];
    let raw: string | true = true;
    if (equals !== -1) raw = arg.slice(equals + 1);
    else if (next !== undefined && !next.startsWith("--")) {
      raw = next;
      index++;
    }
    values[name] = readValue(command, flag, spec, raw, values[name]);
  }
  return values;
}

function readValue(
  command: string,
  flag: string,
  spec: ParamHelp,
  raw: string | true,
  previous: unknown,
): unknown {
  if (raw === true) {
    if (spec.type === "json") return true;
    throw new UsageError(`--${flag} needs a value.`, command);
  }
  switch (spec.type) {
    case "text":
      return raw;
    case "texts":
      return previous === undefined ? [raw] : [...(previous as string[]), raw];
    case "json":
      return parseJsonOrText(raw);
  }
}

function parseJsonOrText(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The parameter a flag names: its kebab-case spelling, or the parameter's own name. */
function paramOfFlag(kind: EventKind, flag: string): string | undefined {
  return Object.keys(EVENT_KIND_HELP[kind].params).find(
    (name) => name === flag || flagOf(name) === flag,
  );
}

/** `sourceIPAddress` is spelt `--source-ip-address`. */
export function flagOf(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
}
