import type { EventBridgeEvent } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions, isoSeconds } from "./context.js";
import { uuidId } from "./ids.js";
import { checkRuleName } from "./names.js";
import { type Check, describeValue, isPlainObject, ParamReader } from "./params.js";

export interface EventBridgeEventParams {
  readonly source: string;
  readonly detailType: string;
  /** A JSON object, or its JSON text; defaults to `{}`. */
  readonly detail?: unknown;
  readonly resources?: readonly string[];
  /** Defaults to the event's time. */
  readonly time?: Date | string | number;
}

export interface RuleEnvelopeParams extends EventBridgeEventParams {
  /** The rule's registration name or physical name. */
  readonly rule: string;
}

/**
 * What Domovoi's deployed rule targets deliver: the input transformer wraps the event with the
 * name of the rule that matched, so that it reaches exactly that rule's handler.
 */
export interface DomovoiRuleEnvelope {
  readonly domovoiRule: string;
  readonly event: EventBridgeEvent<string, unknown>;
}

const EVENT_FIELDS = ["source", "detailType", "detail", "resources", "time"];
/** PutEvents accepts entries of at most 256 KB. */
const MAX_EVENT_BYTES = 256 * 1024;

const checkNotEmpty: Check<string> = (value) => (value === "" ? "must not be empty" : undefined);

export function generateEventBridgeEvent(
  params: EventBridgeEventParams,
  options?: GeneratorOptions,
): EventBridgeEvent<string, unknown> {
  const ctx = createContext("eventbridge", options);
  return readEvent(ParamReader.of("eventbridge", params, EVENT_FIELDS), ctx);
}

export function generateRuleEvent(
  params: RuleEnvelopeParams,
  options?: GeneratorOptions,
): DomovoiRuleEnvelope {
  const ctx = createContext("rule", options);
  const reader = ParamReader.of("rule", params, [...EVENT_FIELDS, "rule"]);
  return { domovoiRule: reader.string("rule", checkRuleName), event: readEvent(reader, ctx) };
}

function readEvent(reader: ParamReader, ctx: EventContext): EventBridgeEvent<string, unknown> {
  const event: EventBridgeEvent<string, unknown> = {
    version: "0",
    id: uuidId(ctx),
    "detail-type": reader.string("detailType", checkNotEmpty),
    source: reader.string("source", checkNotEmpty),
    account: ctx.account,
    time: isoSeconds(reader.optionalTime("time") ?? ctx.time),
    region: ctx.region,
    resources: readResources(reader),
    detail: readDetail(reader),
  };
  if (Buffer.byteLength(JSON.stringify(event)) > MAX_EVENT_BYTES) {
    reader.fail("detail", `EventBridge events are at most ${MAX_EVENT_BYTES} bytes`);
  }
  return event;
}

function readResources(reader: ParamReader): string[] {
  const raw = reader.raw("resources");
  return Array.isArray(raw) && raw.length === 0
    ? []
    : (reader.optionalStrings("resources", checkNotEmpty) ?? []);
}

/** The detail as plain JSON: given as text it is parsed, given as a value it is copied through JSON. */
function readDetail(reader: ParamReader): Record<string, unknown> {
  const text = reader.optionalText("detail") ?? "{}";
  let detail: unknown;
  try {
    detail = JSON.parse(text);
  } catch {
    reader.fail(
      "detail",
      `expected a JSON object, got text that is not JSON: ${JSON.stringify(text.slice(0, 40))}`,
    );
  }
  if (!isPlainObject(detail))
    reader.fail("detail", `expected a JSON object, got ${describeValue(detail)}`);
  return detail;
}
