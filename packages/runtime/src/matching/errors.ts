import { DomovoiError } from "../errors.js";

/**
 * A pattern, policy or expression that AWS itself would reject. `code` is the exception name
 * AWS returns for it and `message` is AWS's own message, so that what a user sees locally is
 * what they would see from the API.
 */
export class MatchingValidationError extends DomovoiError {
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** EventBridge `PutRule` / `TestEventPattern` rejected the event pattern. */
export class InvalidEventPatternError extends MatchingValidationError {
  constructor(message: string, options?: ErrorOptions) {
    super("InvalidEventPatternException", message, options);
  }
}

/** EventBridge `TestEventPattern` / `PutEvents` rejected the event itself. */
export class InvalidEventError extends MatchingValidationError {
  constructor(options?: ErrorOptions) {
    super("ValidationException", "Parameter Event is not valid.", options);
  }
}

/**
 * SNS `Subscribe` / `SetSubscriptionAttributes` rejected the filter policy. The code is the one
 * SNS sends on the wire (the SDK names the class `InvalidParameterException`).
 */
export class InvalidFilterPolicyError extends MatchingValidationError {
  constructor(message: string, options?: ErrorOptions) {
    super("InvalidParameter", message, options);
  }
}

/** Lambda `CreateEventSourceMapping` rejected the filter criteria. */
export class InvalidFilterCriteriaError extends MatchingValidationError {
  constructor(message: string, options?: ErrorOptions) {
    super("InvalidParameterValueException", message, options);
  }
}

/** S3 `PutBucketNotificationConfiguration` rejected a filter or an overlap of configurations. */
export class InvalidS3NotificationError extends MatchingValidationError {
  constructor(message: string, options?: ErrorOptions) {
    super("InvalidArgument", message, options);
  }
}

/** EventBridge or EventBridge Scheduler rejected the schedule expression. */
export class InvalidScheduleExpressionError extends MatchingValidationError {}

/** CloudWatch Logs rejected the filter pattern. */
export class InvalidLogsFilterPatternError extends MatchingValidationError {
  constructor(message: string, options?: ErrorOptions) {
    super("InvalidParameterException", message, options);
  }
}
