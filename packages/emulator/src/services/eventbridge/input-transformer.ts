import type { EventBridgeEvent } from "aws-lambda";
import { isoSeconds } from "../../events/context.js";
import { invalidInputPath, invalidPlaceholder } from "./eventbridge-errors.js";
import { compileJsonPath, type JsonPathReader } from "./json-path.js";

/** What a target's input is built from: the matched event, its rule, and when it arrived. */
export interface DeliveryContext {
  readonly event: EventBridgeEvent<string, unknown>;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly ingestionTime: number;
}

/** Builds the text a target receives. */
export type InputRenderer = (context: DeliveryContext) => string;

type Variable = (context: DeliveryContext) => unknown;

/** The variables every template may use without defining them, as EventBridge names them. */
const PREDEFINED: Readonly<Record<string, Variable>> = {
  "aws.events.rule-arn": (context) => context.ruleArn,
  "aws.events.rule-name": (context) => context.ruleName,
  "aws.events.event.json": (context) => context.event,
  "aws.events.event": ({ event }) => eventWithoutDetail(event),
  "aws.events.event.ingestion-time": (context) => isoSeconds(new Date(context.ingestionTime)),
};

/**
 * How a placeholder's value is written: as JSON where it stands bare in a JSON template, as string
 * content where it stands inside quotes there, and as plain text in any other template.
 */
type Rendering = "json" | "string-content" | "text";

type Segment = string | { readonly variable: Variable; readonly rendering: Rendering };

/**
 * Compiles an `InputTransformer` once: each path of `InputPathsMap` and each `<placeholder>` of
 * `InputTemplate` (see {@link Rendering}). A path that reaches nothing yields an empty string, as
 * AWS's recordings show.
 */
export function compileInputTransformer(
  targetId: string,
  inputPathsMap: Readonly<Record<string, string>>,
  template: string,
): InputRenderer {
  const variables = new Map(
    Object.entries(inputPathsMap).map(([name, path]): [string, Variable] => {
      const read = readerOf(targetId, "InputPathsMap", path);
      return [name, ({ event }) => read(event)];
    }),
  );
  const json = /^\s*[[{]/.test(template);
  const segments = parseTemplate(template).map((segment): Segment => {
    if (typeof segment === "string") return segment;
    // The predefined variables are EventBridge's: a path of the same name cannot override them.
    const variable = Object.hasOwn(PREDEFINED, segment.name)
      ? PREDEFINED[segment.name]
      : variables.get(segment.name);
    if (!variable) throw invalidPlaceholder(targetId, segment.name);
    const rendering = !json ? "text" : segment.quoted ? "string-content" : "json";
    return { variable, rendering };
  });
  return (context) =>
    segments
      .map((segment) =>
        typeof segment === "string"
          ? segment
          : renderValue(segment.variable(context), segment.rendering),
      )
      .join("");
}

/** `InputPath`: the value the path reaches, as JSON. */
export function compileInputPath(targetId: string, path: string): InputRenderer {
  const read = readerOf(targetId, "InputPath", path);
  return ({ event }) => JSON.stringify(read(event) ?? null);
}

function readerOf(targetId: string, member: string, path: string): JsonPathReader {
  const read = compileJsonPath(path);
  if (!read) throw invalidInputPath(targetId, member, path);
  return read;
}

function renderValue(value: unknown, rendering: Rendering): string {
  if (rendering === "json") return JSON.stringify(value ?? "");
  const text = value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // Inside a JSON string the value is escaped, so that the result stays JSON.
  return rendering === "text" ? text : JSON.stringify(text).slice(1, -1);
}

interface Placeholder {
  readonly name: string;
  readonly quoted: boolean;
}

const PLACEHOLDER = /<([^<>\s"]+)>/y;

/** Splits a template into literal text and placeholders, noting which stand inside quotes. */
function parseTemplate(template: string): (string | Placeholder)[] {
  const parts: (string | Placeholder)[] = [];
  let literal = "";
  let quoted = false;
  for (let index = 0; index < template.length; ) {
    const char = template[index]!;
    PLACEHOLDER.lastIndex = index;
    const match = char === "<" ? PLACEHOLDER.exec(template) : null;
    if (match) {
      parts.push(literal, { name: match[1]!, quoted });
      literal = "";
      index += match[0].length;
      continue;
    }
    if (char === "\\" && quoted) {
      literal += template.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (char === '"') quoted = !quoted;
    literal += char;
    index += 1;
  }
  parts.push(literal);
  return parts.filter((part) => part !== "");
}

/** `<aws.events.event>`: the envelope without `detail`, in the shape EventBridge gives it. */
function eventWithoutDetail(event: EventBridgeEvent<string, unknown>): object {
  return {
    id: event.id,
    account: event.account,
    detailType: event["detail-type"],
    time: event.time,
    source: event.source,
    region: event.region,
    resources: event.resources,
    version: event.version,
  };
}
