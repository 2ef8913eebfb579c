import type { ThrottleReason } from "../../host/errors.js";
import { AwsServiceError } from "../errors.js";
import { ASYNC_REQUEST_LIMIT, SYNC_REQUEST_LIMIT } from "./payload-limits.js";

/*
 * The errors of Lambda's Invoke operation, with the codes, statuses and messages Lambda sends, so
 * that `@aws-sdk/client-lambda` raises the exception class it would raise against AWS.
 */

export function functionNotFound(arn: string): AwsServiceError {
  return new AwsServiceError("ResourceNotFoundException", `Function not found: ${arn}`, {
    statusCode: 404,
  });
}

/** An ARN naming another region than the one the request was sent to. */
export function unreachableRegion(arnRegion: string, region: string): AwsServiceError {
  return new AwsServiceError(
    "ResourceNotFoundException",
    `Functions from '${arnRegion}' are not reachable in this region ('${region}')`,
    { statusCode: 404 },
  );
}

export function invalidParameterValue(message: string): AwsServiceError {
  return new AwsServiceError("InvalidParameterValueException", message);
}

/** A parameter that breaks its constraint in the API model, as the request validator words it. */
export function validationError(
  value: string,
  member: string,
  constraint: string,
): AwsServiceError {
  return new AwsServiceError(
    "ValidationException",
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

export function invalidRequestContent(message: string): AwsServiceError {
  return new AwsServiceError("InvalidRequestContentException", message);
}

export function invalidPayloadJson(reason: string): AwsServiceError {
  return invalidRequestContent(
    `Could not parse request body into json: Could not parse payload into json: ${reason}`,
  );
}

export function syncRequestTooLarge(): AwsServiceError {
  return new AwsServiceError(
    "RequestEntityTooLargeException",
    `Request must be smaller than ${SYNC_REQUEST_LIMIT} bytes for the InvokeFunction operation`,
    { statusCode: 413 },
  );
}

export function asyncRequestTooLarge(size: number): AwsServiceError {
  return new AwsServiceError(
    "RequestEntityTooLargeException",
    `${size} byte payload is too large for the Event invocation type (limit ${ASYNC_REQUEST_LIMIT} bytes)`,
    { statusCode: 413 },
  );
}

export const THROTTLED = "TooManyRequestsException";

/** Every allowed execution environment is busy: a synchronous call fails at once. */
export function tooManyRequests(reason: ThrottleReason): AwsServiceError {
  return new AwsServiceError(THROTTLED, "Rate Exceeded.", {
    statusCode: 429,
    fields: { Reason: reason },
  });
}

/** Any Lambda operation but Invoke: the emulator runs one function, it does not manage any. */
export function operationNotEmulated(method: string, path: string): AwsServiceError {
  return new AwsServiceError(
    "UnknownOperationException",
    `The Domovoi emulator serves Lambda's Invoke operation only (POST /2015-03-31/functions/{FunctionName}/invocations), not ${method} ${path}.`,
    { statusCode: 501, fault: "Receiver" },
  );
}
