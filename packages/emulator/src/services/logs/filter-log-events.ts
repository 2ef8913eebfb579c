import { pageOf } from "../eventbridge/json-protocol/pagination.js";
import { compileFilterPattern } from "./filter-pattern.js";
import type { LogGroup } from "./log-group.js";
import { invalidNextToken } from "./logs-errors.js";
import type { StoredLogEvent } from "./stored-log-event.js";

export interface FilterLogEventsRequest {
  readonly logStreamNames?: readonly string[];
  readonly logStreamNamePrefix?: string;
  /** Inclusive. */
  readonly startTime?: number;
  /** Inclusive. */
  readonly endTime?: number;
  readonly filterPattern?: string;
  readonly limit: number;
  readonly nextToken?: string;
}

export interface FilteredLogEvent extends StoredLogEvent {
  readonly logStreamName: string;
}

/**
 * FilterLogEvents: the events of the chosen streams of a group in the time range that match the
 * filter pattern, interleaved in time order across streams (as AWS now always does), a page at a
 * time. The token holds the last event's id, which orders events across streams.
 */
export function filterLogEvents(
  group: LogGroup,
  request: FilterLogEventsRequest,
): { events: FilteredLogEvent[]; nextToken: string | undefined } {
  const matches = compileFilterPattern(request.filterPattern ?? "");
  const { logStreamNames, logStreamNamePrefix = "", startTime, endTime } = request;
  const streams = [...group.streams.values()].filter(
    (stream) =>
      stream.name.startsWith(logStreamNamePrefix) &&
      (logStreamNames === undefined || logStreamNames.includes(stream.name)),
  );
  const events = streams
    .flatMap((stream) =>
      stream.events
        .filter(
          (event) =>
            (startTime === undefined || event.timestamp >= startTime) &&
            (endTime === undefined || event.timestamp <= endTime) &&
            matches(event.message) !== null,
        )
        .map((event) => ({ ...event, logStreamName: stream.name })),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const page = pageOf(events, (event) => event.id, {
    limit: request.limit,
    nextToken: request.nextToken,
  });
  if (!page) throw invalidNextToken();
  return { events: page.items, nextToken: page.nextToken };
}
