/**
 * The emulated CloudWatch Logs: log groups and streams, PutLogEvents, GetLogEvents and
 * FilterLogEvents, and subscription filters delivered to the app's function as `awslogs.data`;
 * the app's own output goes to `/aws/lambda/<function>` through `appendLambdaLogs`.
 */
export { provisionAppSubscriptions } from "./app-subscriptions.js";
export type { LogGroup } from "./log-group.js";
export type { LogStream } from "./log-stream.js";
export {
  type CreateLogGroupOptions,
  type LambdaLogLine,
  LogsBackend,
  type LogsBackendOptions,
  type PutLogEventsResult,
} from "./logs-backend.js";
export { createLogsService } from "./logs-service.js";
export type { RejectedLogEventsInfo } from "./put-log-events.js";
export type { InputLogEvent, StoredLogEvent } from "./stored-log-event.js";
export type { LogsDeliveryFailure, LogsFunctionDelivery } from "./subscription-delivery.js";
export type { SubscriptionFilterDefinition } from "./subscription-filter.js";
