import { DomovoiError } from "@domovoi/runtime";
import type { LambdaError } from "./lambda-error.js";

/** Why Lambda throttled an invocation, as its `TooManyRequestsException` names it. */
export type ThrottleReason =
  | "ReservedFunctionConcurrentInvocationLimitExceeded"
  | "ConcurrentInvocationLimitExceeded";

/**
 * A synchronous invocation arrived while every allowed execution environment was busy. Lambda
 * answers it at once with HTTP 429 `TooManyRequestsException` instead of queueing it.
 */
export class TooManyRequestsError extends DomovoiError {
  readonly code = "TooManyRequestsException";
  readonly reason: ThrottleReason;

  constructor(reason: ThrottleReason) {
    super("Rate Exceeded.");
    this.reason = reason;
  }
}

/** The app could not be loaded: its module failed, or it lacks `handler` or a usable `app`. */
export class AppLoadError extends DomovoiError {
  /** The error document Lambda would report for this init failure. */
  readonly error: LambdaError;

  constructor(error: LambdaError) {
    super(`${error.errorType}: ${error.errorMessage}`);
    this.error = error;
  }
}

/** The host was closed before the invocation could run or finish. */
export class HostClosedError extends DomovoiError {
  constructor() {
    super("The function host is closed.");
  }
}
