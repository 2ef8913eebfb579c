import type { InvocationOutcome } from "./environment.js";
import { type LambdaError, timeoutError } from "./lambda-error.js";
import { endLine, type LogLine, type ReportFields, reportLine } from "./log-line.js";

/** One invocation request, as the Invoke API passes it on. */
export interface InvokeInput {
  /** The event as JSON text (checked by the Invoke API); none or empty means `{}`, as in Lambda. */
  readonly payload?: string;
  /** A version or alias the caller named; it only shows in `invokedFunctionArn`. */
  readonly qualifier?: string;
  /** Default: a fresh UUID, as Lambda assigns. */
  readonly requestId?: string;
  /** The decoded `X-Amz-Client-Context`, given to the handler as `context.clientContext`. */
  readonly clientContext?: unknown;
  /** The caller's Cognito identity, given to the handler as `context.identity`. */
  readonly identity?: unknown;
}

export interface InvocationResult {
  readonly requestId: string;
  /**
   * `success`: the handler returned; `error`: it threw, rejected or the runtime crashed (Invoke
   * answers with `X-Amz-Function-Error: Unhandled`); `timeout`: it ran past the timeout.
   */
  readonly status: "success" | "error" | "timeout";
  /** The response body: the handler's result as JSON, or the error document when it failed. */
  readonly payload: string;
  readonly error: LambdaError | undefined;
  /** Every log line of the invocation, init lines of a cold start first, then START to REPORT. */
  readonly logs: readonly LogLine[];
  readonly durationMs: number;
  /** Set when the invocation started a new environment (a cold start). */
  readonly initDurationMs: number | undefined;
  /** Which loaded version of the code ran it (1, then one more per successful reload). */
  readonly generation: number;
}

export interface CompletedInvocation {
  readonly requestId: string;
  readonly outcome: InvocationOutcome;
  readonly durationMs: number;
  readonly init: { readonly durationMs: number } | undefined;
  readonly memorySizeMb: number;
  readonly memoryUsedMb: number;
  readonly timeoutSeconds: number;
  readonly generation: number;
  /** The lines logged so far: init lines and START, then the handler's own. */
  readonly lines: readonly LogLine[];
}

/** The result of a finished invocation, and the END and REPORT lines that close its log. */
export function completeInvocation(done: CompletedInvocation): {
  readonly result: InvocationResult;
  readonly closingLines: readonly LogLine[];
} {
  const { requestId, outcome } = done;
  const { status, payload, error, failure } = describeOutcome(
    requestId,
    outcome,
    done.timeoutSeconds,
  );
  const closingLines = [
    endLine(requestId),
    reportLine({
      requestId,
      durationMs: done.durationMs,
      memorySizeMb: done.memorySizeMb,
      maxMemoryUsedMb: done.memoryUsedMb,
      initDurationMs: done.init?.durationMs,
      failure,
    }),
  ];
  return {
    result: {
      requestId,
      status,
      payload,
      error,
      logs: [...done.lines, ...closingLines],
      durationMs: done.durationMs,
      initDurationMs: done.init?.durationMs,
      generation: done.generation,
    },
    closingLines,
  };
}

function describeOutcome(
  requestId: string,
  outcome: InvocationOutcome,
  timeoutSeconds: number,
): Pick<InvocationResult, "status" | "payload" | "error"> & { failure: ReportFields["failure"] } {
  switch (outcome.kind) {
    case "result":
      return outcome.error
        ? {
            status: "error",
            payload: JSON.stringify(outcome.error),
            error: outcome.error,
            failure: undefined,
          }
        : {
            status: "success",
            payload: outcome.payload ?? "null",
            error: undefined,
            failure: undefined,
          };
    case "timeout": {
      const error = timeoutError(requestId, timeoutSeconds);
      return {
        status: "timeout",
        payload: JSON.stringify(error),
        error,
        failure: { status: "timeout" },
      };
    }
    case "crash":
      return {
        status: "error",
        payload: JSON.stringify(outcome.error),
        error: outcome.error,
        // A crash is reported under the runtime's error type, or as the runtime's exit.
        failure: {
          status: "error",
          errorType: outcome.error.errorType.startsWith("Runtime.")
            ? outcome.error.errorType
            : "Runtime.ExitError",
        },
      };
  }
}
