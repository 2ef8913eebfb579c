import type { Timer } from "../../clock/clock.js";
import { ExecutionAbortedError, StatesError, StatesErrorName } from "../errors.js";
import type { Branch } from "../runtime/branch.js";

/**
 * Runs a task's work under its `TimeoutSeconds`, on the execution's clock: past the deadline the
 * work's signal aborts and the task fails with `States.Timeout`. Stopping the branch aborts the
 * work too. Without a timeout the work runs as long as it takes.
 */
export async function withTaskTimeout<T>(
  branch: Branch,
  timeoutSeconds: number | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (timeoutSeconds === undefined) return untilAborted(branch.signal, work(branch.signal));
  const controller = new AbortController();
  const abortWork = () => controller.abort();
  branch.signal.addEventListener("abort", abortWork, { once: true });
  let timer: Timer | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = branch.core.services.clock.setTimeout(() => {
      controller.abort();
      reject(new StatesError(StatesErrorName.Timeout, ""));
    }, timeoutSeconds * 1000);
  });
  try {
    return await Promise.race([untilAborted(branch.signal, work(controller.signal)), deadline]);
  } finally {
    timer?.cancel();
    branch.signal.removeEventListener("abort", abortWork);
  }
}

/** The work's outcome, unless the branch stops first (the work is then abandoned). */
function untilAborted<T>(signal: AbortSignal, working: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(new ExecutionAbortedError());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new ExecutionAbortedError());
    signal.addEventListener("abort", onAbort, { once: true });
    working.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Waits for a callback task's token to come back through the registry. With `HeartbeatSeconds`,
 * the task fails with `States.HeartbeatTimeout` when no heartbeat (or result) arrives in time.
 */
export function waitForTaskToken(
  branch: Branch,
  token: string,
  heartbeatSeconds: number | undefined,
  signal: AbortSignal,
): Promise<unknown> {
  const { clock, taskTokens } = branch.core.services;
  return new Promise((resolve, reject) => {
    let heartbeat: Timer | undefined;
    const finish = () => {
      heartbeat?.cancel();
      unregister();
      signal.removeEventListener("abort", onAbort);
    };
    const armHeartbeat = () => {
      heartbeat?.cancel();
      if (heartbeatSeconds === undefined) return;
      heartbeat = clock.setTimeout(() => {
        finish();
        reject(new StatesError(StatesErrorName.HeartbeatTimeout, ""));
      }, heartbeatSeconds * 1000);
    };
    const onAbort = () => {
      finish();
      reject(new ExecutionAbortedError());
    };
    const unregister = taskTokens.register(token, {
      succeed: (output) => {
        finish();
        resolve(output);
      },
      fail: (error, cause) => {
        finish();
        reject(new StatesError(error, cause));
      },
      heartbeat: armHeartbeat,
    });
    signal.addEventListener("abort", onAbort, { once: true });
    armHeartbeat();
  });
}
