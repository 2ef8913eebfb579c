export {
  InvalidEventPatternError,
  InvalidFilterCriteriaError,
  InvalidFilterPolicyError,
  InvalidLogsFilterPatternError,
  InvalidS3NotificationError,
  InvalidScheduleExpressionError,
  MatchingValidationError,
} from "./errors.js";
