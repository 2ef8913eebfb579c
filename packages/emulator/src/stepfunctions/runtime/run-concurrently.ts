import { ExecutionAbortedError } from "../errors.js";

/** The outcome of an item that never started because the run was aborted first. */
const NOT_STARTED: PromiseRejectedResult = Object.freeze({
  status: "rejected",
  reason: new ExecutionAbortedError(),
});

export interface ConcurrentRun<T> {
  /** Each item's outcome, in item order; items never started were aborted. */
  readonly outcomes: readonly PromiseSettledResult<T>[];
  /** The failure that stopped the others (with `failFast`), in the order failures happened. */
  readonly firstFailure?: unknown;
}

export interface ConcurrencyOptions {
  readonly count: number;
  /** How many items run at once; 0 means all of them. */
  readonly maxConcurrency: number;
  /** The enclosing branch's signal: aborting it aborts every item. */
  readonly signal: AbortSignal;
  /** Abort the other items as soon as one fails (Parallel, inline Map). */
  readonly failFast: boolean;
}

/**
 * Runs `count` items (Parallel branches, Map iterations) with at most `maxConcurrency` at a
 * time, each with a signal that aborts when the enclosing branch stops or, with `failFast`,
 * when another item fails. Resolves once every started item has settled.
 */
export async function runConcurrently<T>(
  options: ConcurrencyOptions,
  work: (index: number, signal: AbortSignal) => Promise<T>,
): Promise<ConcurrentRun<T>> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal.addEventListener("abort", onAbort, { once: true });
  if (options.signal.aborted) controller.abort();
  const outcomes: PromiseSettledResult<T>[] = new Array(options.count).fill(NOT_STARTED);
  let failed = false;
  let firstFailure: unknown;
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < options.count && !controller.signal.aborted) {
      const index = nextIndex++;
      try {
        outcomes[index] = { status: "fulfilled", value: await work(index, controller.signal) };
      } catch (reason) {
        outcomes[index] = { status: "rejected", reason };
        if (!failed && !(reason instanceof ExecutionAbortedError)) {
          failed = true;
          firstFailure = reason;
          if (options.failFast) controller.abort();
        }
      }
    }
  };
  const workers =
    options.maxConcurrency > 0 ? Math.min(options.maxConcurrency, options.count) : options.count;
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    options.signal.removeEventListener("abort", onAbort);
  }
  return failed ? { outcomes, firstFailure } : { outcomes };
}
