import type { LambdaError } from "../lambda-error.js";
import type { InvokeRequest } from "../protocol.js";
import { formatError, RuntimeError } from "./error-format.js";
import type { Handler } from "./load-app.js";

export type HandlerOutcome =
  | { readonly payload: string; readonly error?: undefined }
  | { readonly payload?: undefined; readonly error: LambdaError };

export interface Invocation {
  readonly outcome: Promise<HandlerOutcome>;
  /** Called when the event loop has nothing left to run while the invocation is open. */
  onEmptyEventLoop(): void;
}

const NODE_JS_EXIT_MESSAGE =
  "The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes";

/**
 * Calls the handler as the Node.js 22 runtime does: an async handler's promise settles the
 * invocation; a callback handler settles it through `callback` or `context.succeed/fail/done`,
 * and, while `callbackWaitsForEmptyEventLoop` holds, only once the event loop is empty. A plain
 * function that never calls back returns null when the loop empties; an async one whose promise
 * never settles fails with `Runtime.NodeJsExit`.
 */
export function runHandler(
  handler: Handler,
  isAsync: boolean,
  request: InvokeRequest,
  environment: Readonly<Record<string, string | undefined>>,
  logError: (message: string, error: unknown) => void,
): Invocation {
  let settle!: (outcome: HandlerOutcome) => void;
  const outcome = new Promise<HandlerOutcome>((resolve) => {
    settle = resolve;
  });
  let finished = false;
  const finish = (result: HandlerOutcome) => {
    if (!finished) settle(result);
    finished = true;
  };
  const succeed = (result: unknown) => finish(serialize(result));
  const fail = (error: unknown) => {
    if (finished) return;
    logError("Invoke Error", error);
    finish({ error: formatError(error) });
  };
  let waitsForEmptyEventLoop = true;
  let onEmptyEventLoop = isAsync
    ? () => fail(new RuntimeError("Runtime.NodeJsExit", NODE_JS_EXIT_MESSAGE))
    : () => succeed(null);
  const done = (error: unknown, result?: unknown) =>
    error === undefined || error === null ? succeed(result) : fail(error);
  const callback = (error: unknown, result?: unknown) => {
    if (error !== undefined && error !== null) fail(error);
    else if (!waitsForEmptyEventLoop) succeed(result);
    else onEmptyEventLoop = () => succeed(result);
  };
  const context = {
    get callbackWaitsForEmptyEventLoop() {
      return waitsForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value: boolean) {
      waitsForEmptyEventLoop = value;
    },
    succeed: (result: unknown) => done(null, result),
    fail: (error: unknown) => done(error ?? "handled"),
    done,
    functionVersion: environment.AWS_LAMBDA_FUNCTION_VERSION,
    functionName: environment.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: environment.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: environment.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: environment.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: request.clientContext,
    identity: request.identity,
    invokedFunctionArn: request.invokedFunctionArn,
    awsRequestId: request.requestId,
    getRemainingTimeInMillis: () => request.deadline - Date.now(),
  };
  try {
    const result = handler(JSON.parse(request.payload), context, callback);
    if (isPromiseLike(result)) result.then(succeed, fail);
  } catch (error) {
    callback(error);
  }
  return { outcome, onEmptyEventLoop: () => onEmptyEventLoop() };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

/** The response body the runtime posts: JSON, with `undefined` sent as null. */
function serialize(result: unknown): HandlerOutcome {
  try {
    // JSON.stringify gives undefined for a lone function or symbol; the runtime sends null.
    return { payload: JSON.stringify(result === undefined ? null : result) ?? "null" };
  } catch {
    return { error: formatError(new Error("Unable to stringify response body")) };
  }
}
