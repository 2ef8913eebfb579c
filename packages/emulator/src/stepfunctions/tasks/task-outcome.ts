import { StatesError, StatesErrorName } from "../errors.js";
import { jsonByteLength, MAX_PAYLOAD_BYTES } from "../json.js";
import type { TaskResult, TaskSuccess } from "./task-invoker.js";

/** The byte size of a task's result as AWS measures it: the response as sent, else its JSON. */
export function resultSize(result: TaskSuccess): number {
  return result.body === undefined ? jsonByteLength(result.output) : Buffer.byteLength(result.body);
}

/**
 * The task's success, or the error it turns into: the invoker's failure, or
 * `States.DataLimitExceeded` for a result over 256 KiB (`name` is what AWS names in that message:
 * the function ARN, or the integration's service such as `lambda`).
 */
export function acceptTaskResult(result: TaskResult, name: string): TaskSuccess {
  if (!result.ok) throw new StatesError(result.error, result.cause);
  if (resultSize(result) > MAX_PAYLOAD_BYTES) {
    throw new StatesError(
      StatesErrorName.DataLimitExceeded,
      `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
  }
  return result;
}

/** A `{ error, cause }` pair for a history event's details. */
export function errorDetails(error: StatesError): { error?: string; cause?: string } {
  return {
    ...(error.error !== undefined && { error: error.error }),
    ...(error.cause !== undefined && { cause: error.cause }),
  };
}
