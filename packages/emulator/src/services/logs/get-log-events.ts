import { invalidNextToken } from "./logs-errors.js";
import { indexAfter, type StoredLogEvent } from "./stored-log-event.js";

export interface GetLogEventsRequest {
  /** Inclusive. */
  readonly startTime?: number;
  /** Exclusive. */
  readonly endTime?: number;
  readonly nextToken?: string;
  readonly limit: number;
  readonly startFromHead: boolean;
}

export interface GetLogEventsPage {
  readonly events: readonly StoredLogEvent[];
  readonly nextForwardToken: string;
  readonly nextBackwardToken: string;
}

/**
 * A token holds a cursor: an event id, the events at or before it being behind the cursor and
 * those after it ahead. `ORIGIN` is before every event (ids start above it).
 */
const ORIGIN = "0".repeat(56);
const TOKEN = /^([fb])\/(\d{56})\/s$/;

/**
 * A page of a stream's events as GetLogEvents reads it. Tokens are `f/<id>/s` (the events after
 * the page) and `b/<id>/s` (the events before it), holding an event id so that events arriving
 * meanwhile shift nothing; at the end of the stream the forward token comes back unchanged,
 * which is how callers know they have read everything.
 */
export function getLogEvents(
  events: readonly StoredLogEvent[],
  request: GetLogEventsRequest,
): GetLogEventsPage {
  const window = events.filter(
    (event) =>
      (request.startTime === undefined || event.timestamp >= request.startTime) &&
      (request.endTime === undefined || event.timestamp < request.endTime),
  );
  const token = request.nextToken === undefined ? undefined : parseToken(request.nextToken);
  const forward = token ? token.direction === "f" : request.startFromHead;
  let page: readonly StoredLogEvent[];
  if (forward) {
    const start = token ? indexAfter(window, token.id) : 0;
    page = window.slice(start, start + request.limit);
  } else {
    const end = token ? indexAfter(window, token.id) : window.length;
    page = window.slice(Math.max(0, end - request.limit), end);
  }
  const first = page[0];
  const last = page.at(-1);
  const position = token?.id ?? (forward ? ORIGIN : (window.at(-1)?.id ?? ORIGIN));
  return {
    events: page,
    nextForwardToken: `f/${last?.id ?? position}/s`,
    nextBackwardToken: `b/${first === undefined ? position : previousId(first.id)}/s`,
  };
}

function parseToken(token: string): { direction: "f" | "b"; id: string } {
  const match = TOKEN.exec(token);
  if (!match) throw invalidNextToken();
  return { direction: match[1] as "f" | "b", id: match[2]! };
}

/** The cursor just before the event `id`. */
function previousId(id: string): string {
  return id === ORIGIN ? ORIGIN : (BigInt(id) - 1n).toString().padStart(56, "0");
}
