import { StatesError } from "../errors.js";
import type { CatchPolicy } from "./catch-policy.js";
import type { RetryPolicy } from "./retry-policy.js";
import type { StateStep } from "./state-program.js";
import type { StateRun } from "./state-run.js";

export interface ErrorHandling {
  readonly retry: RetryPolicy;
  readonly catch: CatchPolicy;
}

/**
 * Runs a state's attempt under its `Retry` and `Catch`: a failure covered by a retrier with
 * attempts left waits on the execution's clock and runs the attempt again (with
 * `$$.State.RetryCount` one higher); one covered by a catcher continues at the catcher's `Next`.
 */
export async function withRetryAndCatch(
  handling: ErrorHandling,
  raw: unknown,
  run: StateRun,
  attempt: () => Promise<StateStep>,
): Promise<StateStep> {
  const attempts = handling.retry.newAttempts();
  const { randomness } = run.branch.core.services;
  for (;;) {
    try {
      return await attempt();
    } catch (thrown) {
      const error = run.locate(thrown);
      if (!(error instanceof StatesError) || error.terminal) throw error;
      const delay = handling.retry.nextDelay(error, attempts, randomness.random);
      if (delay !== undefined) {
        await run.branch.sleep(delay);
        run.retryCount = (run.retryCount ?? 0) + 1;
        continue;
      }
      const caught = await handling.catch.handle(error, raw, run);
      if (caught) return caught;
      throw error;
    }
  }
}
