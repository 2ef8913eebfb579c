import { randomUUID } from "node:crypto";
import type { LambdaTaskRequest, TaskFailure } from "./task-invoker.js";

/**
 * The failure Step Functions reports when the Lambda API itself refuses a call, in its Java SDK
 * wording: `Lambda.<ErrorCode>` with `message (Service: AWSLambda; Status Code: ...)`.
 */
export function lambdaServiceFailure(
  errorCode: string,
  message: string,
  statusCode: number,
  requestId: string = randomUUID(),
): TaskFailure {
  return {
    ok: false,
    error: `Lambda.${errorCode}`,
    cause: `${message} (Service: AWSLambda; Status Code: ${statusCode}; Error Code: ${errorCode}; Request ID: ${requestId}; Proxy: null)`,
  };
}

/** The task named a function that does not exist. */
export function lambdaFunctionNotFound(request: LambdaTaskRequest): TaskFailure {
  const version = request.qualifier ?? "$LATEST";
  return lambdaServiceFailure(
    "ResourceNotFoundException",
    `Function not found: ${request.functionArn}:${version}`,
    404,
  );
}

/**
 * The function ran and failed: Step Functions names the error after Lambda's `errorType` and
 * keeps Lambda's error payload (JSON text) as the cause.
 */
export function lambdaFunctionError(errorType: string, errorPayload: string): TaskFailure {
  return { ok: false, error: errorType, cause: errorPayload };
}
