/**
 * The emulated EventBridge: event buses, rules (event patterns and schedules), targets (the app's
 * function, SQS queues and SNS topics, with Input, InputPath and InputTransformer, retry policies
 * and dead-letter queues), PutEvents and TestEventPattern.
 */
export { DOMOVOI_RULE_TEMPLATE, provisionAppRules } from "./app-rules.js";
export type { EventBridgeDeliveryFailure, EventBridgeTargets } from "./delivery-targets.js";
export type { EventBus } from "./event-bus.js";
export type { EventRule, RuleDefinition, RuleState } from "./event-rule.js";
export {
  EventBridgeBackend,
  type EventBridgeBackendOptions,
  type FailedTargetEntry,
} from "./eventbridge-backend.js";
export { createEventBridgeService } from "./eventbridge-service.js";
export type { PutEventsEntry, PutEventsResult } from "./put-events-entry.js";
export type { RetryPolicy, TargetDefinition } from "./target-definition.js";
