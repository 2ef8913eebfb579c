import { WaitTimeoutError } from "../errors.js";

export type Sleep = (milliseconds: number) => Promise<void>;

export const realSleep: Sleep = (milliseconds) =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

export interface WaitOptions {
  readonly sleep: Sleep;
  /** What is being waited for, for the timeout's message. */
  readonly what: string;
  readonly attempts?: number;
  readonly delayMs?: number;
}

/**
 * Polls `done` (checking at once, then with a growing delay capped at 5 s) until it answers
 * true. Lambda finishes most updates within seconds; 60 attempts cover several minutes.
 */
export async function waitUntil(
  done: () => Promise<boolean>,
  { sleep, what, attempts = 60, delayMs = 500 }: WaitOptions,
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await done()) return;
    await sleep(Math.min(delayMs * 1.5 ** attempt, 5000));
  }
  throw new WaitTimeoutError(`Timed out waiting for ${what}.`);
}

/**
 * Retries `call` while it fails with an error `retryable` accepts: IAM is eventually
 * consistent, so a role created a moment ago may not yet be assumable by Lambda or Scheduler.
 */
export async function retrying<T>(
  call: () => Promise<T>,
  retryable: (error: unknown) => boolean,
  { sleep, attempts = 10, delayMs = 1000 }: Omit<WaitOptions, "what">,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await sleep(Math.min(delayMs * attempt, 10_000));
    }
  }
}
