export type { FunctionDelivery, QueueDelivery, SnsDeliveryFailure } from "./delivery-targets.js";
export type { SnsPublishRequest } from "./publish-request.js";
export { AWS_MANAGED_RETRIES, type RetrySchedule } from "./retry-schedule.js";
export { type PublishResult, SnsBackend, type SnsBackendOptions } from "./sns-backend.js";
export { createSnsService } from "./sns-service.js";
export type { SnsSubscription } from "./subscription.js";
export type { SnsTopic } from "./topic.js";
