export {
  InvalidEventError,
  InvalidEventPatternError,
  InvalidFilterCriteriaError,
  InvalidFilterPolicyError,
  InvalidLogsFilterPatternError,
  InvalidS3NotificationError,
  InvalidScheduleExpressionError,
  MatchingValidationError,
} from "./errors.js";
// Each engine's own index.ts lists exactly its public API.
export * from "./event-pattern/index.js";
export * from "./filter-criteria/index.js";
export * from "./logs-filter-pattern/index.js";
export * from "./s3-filter/index.js";
export * from "./schedule/index.js";
export * from "./sns-filter-policy/index.js";
