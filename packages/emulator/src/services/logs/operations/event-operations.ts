import type { JsonMembers } from "../../eventbridge/json-protocol/json-members.js";
import { filterLogEvents } from "../filter-log-events.js";
import { getLogEvents } from "../get-log-events.js";
import { streamNamesAndPrefix } from "../logs-errors.js";
import type { InputLogEvent } from "../stored-log-event.js";
import { FREE_NAME, type LogsOperation, targetGroup } from "./operation.js";

const MAX_EVENTS = 10_000;

const putLogEvents: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  const stream = context.backend.logStream(group, input.string("logStreamName", FREE_NAME));
  const events = (input.structures("logEvents", { min: 1, max: MAX_EVENTS }) ?? []).map(
    readLogEvent,
  );
  const { nextSequenceToken, rejectedLogEventsInfo } = context.backend.putLogEvents(
    group,
    stream,
    events,
  );
  return { nextSequenceToken, ...(rejectedLogEventsInfo && { rejectedLogEventsInfo }) };
};

const getEvents: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  const stream = context.backend.logStream(group, input.string("logStreamName", FREE_NAME));
  const page = getLogEvents(stream.events, {
    ...timeRange(input),
    nextToken: input.optionalString("nextToken", { min: 1 }),
    limit: input.optionalInteger("limit", { min: 1, max: MAX_EVENTS }) ?? MAX_EVENTS,
    startFromHead: input.optionalBoolean("startFromHead") ?? false,
  });
  return {
    events: page.events.map(({ timestamp, message, ingestionTime }) => ({
      timestamp,
      message,
      ingestionTime,
    })),
    nextForwardToken: page.nextForwardToken,
    nextBackwardToken: page.nextBackwardToken,
  };
};

const filterEvents: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  const logStreamNames = input.stringList("logStreamNames", { min: 1, max: 100 }, FREE_NAME);
  const logStreamNamePrefix = input.optionalString("logStreamNamePrefix", FREE_NAME);
  if (logStreamNames !== undefined && logStreamNamePrefix !== undefined) {
    throw streamNamesAndPrefix();
  }
  const result = filterLogEvents(group, {
    logStreamNames,
    logStreamNamePrefix,
    ...timeRange(input),
    filterPattern: input.optionalString("filterPattern", { max: 1024 }),
    nextToken: input.optionalString("nextToken", { min: 1 }),
    limit: input.optionalInteger("limit", { min: 1, max: MAX_EVENTS }) ?? MAX_EVENTS,
  });
  return {
    events: result.events.map((event) => ({
      logStreamName: event.logStreamName,
      timestamp: event.timestamp,
      message: event.message,
      ingestionTime: event.ingestionTime,
      eventId: event.id,
    })),
    ...(result.nextToken && { nextToken: result.nextToken }),
  };
};

function readLogEvent(event: JsonMembers): InputLogEvent {
  return {
    timestamp: event.integer("timestamp", { min: 0 }),
    message: event.string("message", { min: 1 }),
  };
}

function timeRange(input: JsonMembers): { startTime?: number; endTime?: number } {
  return {
    startTime: input.optionalInteger("startTime", { min: 0 }),
    endTime: input.optionalInteger("endTime", { min: 0 }),
  };
}

export const EVENT_OPERATIONS = {
  PutLogEvents: putLogEvents,
  GetLogEvents: getEvents,
  FilterLogEvents: filterEvents,
};
