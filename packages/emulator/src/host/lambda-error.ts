/**
 * Lambda's error document: the body `Invoke` returns with `X-Amz-Function-Error: Unhandled`.
 * The Node.js runtime builds it from the error as `{ errorType, errorMessage, trace }`; errors
 * raised by Lambda itself (timeouts, crashes) carry no trace.
 */
export interface LambdaError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace?: readonly string[];
}

/** The invocation ran past the function's timeout. */
export function timeoutError(requestId: string, timeoutSeconds: number): LambdaError {
  return {
    errorType: "Sandbox.Timedout",
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
  };
}

/** The runtime process ended (`process.exit`) before reporting a result. */
export function exitError(requestId: string | undefined, exitCode: number): LambdaError {
  const reason =
    exitCode === 0
      ? "Runtime exited without providing a reason"
      : `Runtime exited with error: exit status ${exitCode}`;
  return {
    errorType: "Runtime.ExitError",
    errorMessage: requestId ? `RequestId: ${requestId} Error: ${reason}` : `Error: ${reason}`,
  };
}
