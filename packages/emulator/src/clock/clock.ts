/** A callback scheduled on a {@link Clock}; cancelling one that already ran does nothing. */
export interface Timer {
  cancel(): void;
}

/**
 * The one source of time for every delay the emulator models (asynchronous retries, visibility
 * timeouts, Wait states, schedules): real time, real time sped up, or a virtual time that tests
 * move by hand. Handler execution itself is measured in real time, since the code really runs.
 */
export interface Clock {
  /** The current time in milliseconds since the epoch, as `Date.now()` gives it. */
  now(): number;
  /** Runs `callback` once `delayMs` of this clock's time has passed. */
  setTimeout(callback: () => void, delayMs: number): Timer;
  /** Resolves once `delayMs` of this clock's time has passed; rejects when `signal` aborts. */
  sleep(delayMs: number, signal?: AbortSignal): Promise<void>;
}

/** `delayMs` checked as every clock takes it: a finite number of milliseconds, at least 0. */
export function checkDelay(delayMs: number): number {
  if (typeof delayMs !== "number" || !Number.isFinite(delayMs) || delayMs < 0) {
    throw new RangeError(`Expected a delay of 0 or more milliseconds, got ${String(delayMs)}.`);
  }
  return delayMs;
}

/** `sleep` for any clock, built on its `setTimeout`. */
export function sleepOn(clock: Clock, delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      timer.cancel();
      reject(signal?.reason);
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
