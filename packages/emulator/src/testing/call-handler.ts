/** A function the Lambda runtime can call with `(event, context, callback)`, typed as it likes. */
export type LambdaHandler = (event: never, context: never, callback: never) => unknown;

type Done = (error: unknown, result?: unknown) => void;

/**
 * Calls a handler in this process as the Node.js runtime calls it: the promise it returns, its
 * callback or `context.done/succeed/fail` settle the call. A plain function that does neither
 * answers null, as it does in Lambda once its event loop is empty.
 */
export function callHandler(
  handler: LambdaHandler,
  event: unknown,
  context: Record<string, unknown>,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const done: Done = (error, result) =>
      error === undefined || error === null ? resolve(result) : reject(error);
    Object.assign(context, {
      done,
      succeed: (result: unknown) => done(null, result),
      fail: (error: unknown) => done(error ?? "handled"),
    });
    try {
      const returned = (handler as (...args: unknown[]) => unknown)(event, context, done);
      if (isPromiseLike(returned)) returned.then(resolve, reject);
      else if (handler.length < 3) resolve(null);
    } catch (error) {
      reject(error);
    }
  });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}
