import type { EventBridgeEvent } from "aws-lambda";
import { isJsonObject } from "./fields.js";

export type AnyEventBridgeEvent = EventBridgeEvent<string, unknown>;

/**
 * EventBridge delivers every event with `source`, `detail-type` and a `detail` object (PutEvents
 * rejects entries without them), and no other Lambda event source has a `detail-type` field.
 */
export function isEventBridgeEvent(event: unknown): event is AnyEventBridgeEvent {
  return (
    isJsonObject(event) &&
    typeof event.source === "string" &&
    typeof event["detail-type"] === "string" &&
    isJsonObject(event.detail)
  );
}

/** An EventBridge event that is neither a schedule tick nor an S3 notification. */
export interface EventBridgeSource {
  readonly kind: "eventbridge";
  readonly event: AnyEventBridgeEvent;
  readonly key: string;
}

/** `source` and `detail-type` together say what an event is; rules' patterns match on them. */
export function eventBridgeKey(event: AnyEventBridgeEvent): string {
  return `${event.source}|${event["detail-type"]}`;
}

export function detectEventBridge(event: AnyEventBridgeEvent): EventBridgeSource {
  return { kind: "eventbridge", event, key: eventBridgeKey(event) };
}
