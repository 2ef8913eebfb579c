import type { ScheduledEvent } from "aws-lambda";
import { arnResourcePath } from "./arn.js";
import { isEventBridgeEvent } from "./eventbridge.js";
import { Fields } from "./fields.js";

export const SCHEDULED_EVENT = "Scheduled Event";

const SCHEDULE_SOURCES: ReadonlySet<string> = new Set(["aws.events", "aws.scheduler"]);

/**
 * Only AWS may put events whose `source` starts with `aws.`, so a "Scheduled Event" from
 * `aws.events` (a scheduled rule) or `aws.scheduler` is a schedule firing, not an application's
 * look-alike.
 */
export function isScheduledEvent(event: unknown): event is ScheduledEvent {
  return (
    isEventBridgeEvent(event) &&
    event["detail-type"] === SCHEDULED_EVENT &&
    SCHEDULE_SOURCES.has(event.source)
  );
}

/**
 * The schedule's name: the last segment of a Scheduler schedule ARN (`schedule/<group>/<name>`)
 * or of a scheduled rule's ARN (`rule/<name>`, or `rule/<bus>/<name>` on a custom bus).
 */
export function scheduleName(arn: string): string | null {
  const path = arnResourcePath(arn);
  if (path === null) return null;
  const [type, ...rest] = path;
  const fits =
    (type === "schedule" && rest.length === 2) ||
    (type === "rule" && (rest.length === 1 || rest.length === 2));
  const name = fits ? rest.at(-1) : undefined;
  return name ? name : null;
}

export interface ScheduleSource {
  readonly kind: "schedule";
  readonly event: ScheduledEvent;
  readonly key: string | null;
}

/** EventBridge lists the firing rule or schedule as the event's first (only) resource. */
export function detectSchedule(event: ScheduledEvent, path = ""): ScheduleSource {
  const arn = Fields.of(event, path).stringItem("resources", 0);
  return { kind: "schedule", event, key: scheduleName(arn) };
}
