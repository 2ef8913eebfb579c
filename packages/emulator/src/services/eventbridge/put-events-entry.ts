import type { EventBridgeEvent } from "aws-lambda";
import type { GeneratorOptions } from "../../events/context.js";
import { InvalidEventParamsError } from "../../events/errors.js";
import { generateEventBridgeEvent } from "../../events/eventbridge.js";

/** One entry of a PutEvents request. */
export interface PutEventsEntry {
  readonly source?: string;
  readonly detailType?: string;
  /** The detail's JSON text; it must be a JSON object. */
  readonly detail?: string;
  readonly resources?: readonly string[];
  readonly time?: Date;
  /** A bus name or ARN; the default bus when absent. */
  readonly eventBusName?: string;
}

/** What PutEvents answers for one entry. */
export type PutEventsResult =
  | { readonly eventId: string }
  | { readonly errorCode: string; readonly errorMessage: string };

/** PutEvents takes at most 256 KB of entries in one request. */
const MAX_REQUEST_BYTES = 256 * 1024;
/** AWS counts a given `Time` as 14 bytes. */
const TIME_BYTES = 14;

/** The size of the entries as EventBridge counts it against the 256 KB limit of a request. */
function entriesSize(entries: readonly PutEventsEntry[]): number {
  const bytes = (text: string | undefined) => (text === undefined ? 0 : Buffer.byteLength(text));
  return entries.reduce(
    (total, entry) =>
      total +
      (entry.time === undefined ? 0 : TIME_BYTES) +
      bytes(entry.source) +
      bytes(entry.detailType) +
      bytes(entry.detail) +
      (entry.resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0),
    0,
  );
}

export function exceedsRequestSize(entries: readonly PutEventsEntry[]): boolean {
  return entriesSize(entries) > MAX_REQUEST_BYTES;
}

/**
 * The event EventBridge makes of an entry, or the entry's error as PutEvents reports it (the
 * codes and messages were recorded against AWS). The envelope is the event generators', so the
 * emulator and the generators agree on its shape.
 */
export function eventOf(
  entry: PutEventsEntry,
  options: GeneratorOptions,
): EventBridgeEvent<string, unknown> | Extract<PutEventsResult, { errorCode: string }> {
  const required = [
    ["Source", entry.source],
    ["DetailType", entry.detailType],
    ["Detail", entry.detail],
  ] as const;
  const missing = required.find(([, value]) => !value)?.[0];
  if (missing) {
    return {
      errorCode: "InvalidArgument",
      errorMessage: `Parameter ${missing} is not valid. Reason: ${missing} is a required argument.`,
    };
  }
  const detail = parseDetail(entry.detail ?? "");
  if (detail === undefined) {
    return { errorCode: "MalformedDetail", errorMessage: "Detail is malformed." };
  }
  try {
    return generateEventBridgeEvent(
      {
        source: entry.source ?? "",
        detailType: entry.detailType ?? "",
        detail,
        resources: entry.resources ?? [],
        ...(entry.time !== undefined && { time: entry.time }),
      },
      options,
    );
  } catch (error) {
    if (!(error instanceof InvalidEventParamsError)) throw error;
    return { errorCode: "InvalidArgument", errorMessage: error.message };
  }
}

function parseDetail(text: string): object | undefined {
  try {
    const detail: unknown = JSON.parse(text);
    return typeof detail === "object" && detail !== null && !Array.isArray(detail)
      ? detail
      : undefined;
  } catch {
    return undefined;
  }
}
