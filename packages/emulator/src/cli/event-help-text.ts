import { EVENT_KINDS, type EventKind } from "../events/index.js";
import { flagOf } from "./event-flags.js";
import { EVENT_KIND_HELP } from "./event-kind-help.js";

/** The list of event kinds, one per line with its summary. */
export function eventKindsText(): string {
  const width = Math.max(...EVENT_KINDS.map((kind) => kind.length));
  return EVENT_KINDS.map(
    (kind) => `  ${kind.padEnd(width)}  ${EVENT_KIND_HELP[kind].summary}`,
  ).join("\n");
}

/** The parameters of one kind, as flags with their meaning. */
export function eventParamsText(kind: EventKind): string {
  const params = Object.entries(EVENT_KIND_HELP[kind].params);
  const flags = params.map(([name, { type }]) =>
    type === "texts" ? `--${flagOf(name)} <value>...` : `--${flagOf(name)} <value>`,
  );
  const width = Math.max(...flags.map((flag) => flag.length));
  return params
    .map(([, { help }], index) => `  ${flags[index]!.padEnd(width)}  ${help}`)
    .join("\n");
}
