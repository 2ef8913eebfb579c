import { type Detector, detectFirst, when } from "./detector.js";
import { detectEventBridge, type EventBridgeSource, isEventBridgeEvent } from "./eventbridge.js";
import { detectRule, isDomovoiRuleEnvelope, type RuleSource } from "./rule.js";
import type { S3Source } from "./s3.js";
import { detectS3FromEventBridge, isS3EventBridgeEvent } from "./s3-eventbridge.js";
import { detectSchedule, isScheduledEvent, type ScheduleSource } from "./schedule.js";

/** What an EventBridge rule or schedule target receives, directly or in an SQS message. */
export type EventBusSource = RuleSource | ScheduleSource | S3Source | EventBridgeSource;

/** Most specific first: Domovoi's envelope, then the AWS sources with their own routing keys. */
const detectors: readonly Detector<EventBusSource>[] = [
  when(isDomovoiRuleEnvelope, detectRule),
  when(isScheduledEvent, detectSchedule),
  when(isS3EventBridgeEvent, detectS3FromEventBridge),
  when(isEventBridgeEvent, detectEventBridge),
];

export function detectEventBusDelivery(event: unknown, path = ""): EventBusSource | undefined {
  return detectFirst(detectors, event, path);
}
