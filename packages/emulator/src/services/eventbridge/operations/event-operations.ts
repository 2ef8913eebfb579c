import { testEventPattern } from "@domovoi/runtime/matching";
import { fromMatchingError } from "../eventbridge-errors.js";
import type { JsonMembers } from "../json-protocol/json-members.js";
import { describeValue } from "../json-protocol/validation-message.js";
import type { PutEventsEntry } from "../put-events-entry.js";
import type { EventBridgeOperation } from "./operation.js";

const putEvents: EventBridgeOperation = (input, { backend, region }) => {
  const entries = input.structures("Entries", { min: 1, max: 10, describeItem: javaEntry }) ?? [];
  const results = backend.putEvents(region, entries.map(readEntry));
  return {
    FailedEntryCount: results.filter((result) => "errorCode" in result).length,
    Entries: results.map((result) =>
      "errorCode" in result
        ? { ErrorCode: result.errorCode, ErrorMessage: result.errorMessage }
        : { EventId: result.eventId },
    ),
  };
};

const testPattern: EventBridgeOperation = (input) => {
  const pattern = input.string("EventPattern", { max: 4096 });
  const event = input.string("Event");
  try {
    return { Result: testEventPattern(pattern, event) };
  } catch (error) {
    throw fromMatchingError(error);
  }
};

function readEntry(entry: JsonMembers): PutEventsEntry {
  const time = entry.optionalNumber("Time");
  return {
    source: entry.optionalString("Source"),
    detailType: entry.optionalString("DetailType"),
    detail: entry.optionalString("Detail"),
    resources: entry.stringList("Resources"),
    // The SDK writes timestamps as epoch seconds.
    time: time === undefined ? undefined : new Date(time * 1000),
    eventBusName: entry.optionalString("EventBusName", { min: 1, max: 1600 }),
  };
}

/** An entry as EventBridge's messages print it (the `toString` of its Java request model). */
function javaEntry(entry: unknown): string {
  const fields =
    typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
  const shown = (name: string) =>
    fields[name] === undefined ? "null" : describeValue(fields[name]);
  return `PutEventsRequestEntry(time=${shown("Time")}, source=${shown("Source")}, resources=${shown("Resources")}, detailType=${shown("DetailType")}, detail=${shown("Detail")}, eventBusName=${shown("EventBusName")}, traceHeader=${shown("TraceHeader")}, kmsKeyIdentifier=null, internalMetadata=null)`;
}

export const EVENT_OPERATIONS = {
  PutEvents: putEvents,
  TestEventPattern: testPattern,
};
