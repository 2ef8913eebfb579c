/**
 * Wakes whoever waits for something to change (a shard that grows, a stream that appears or is
 * deleted), so that pollers sleep without polling and react at once.
 */
export class ChangeSignal {
  readonly #waiters = new Set<() => void>();

  /** Resolves at the next {@link notify}, or as soon as `signal` aborts. */
  next(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const wake = () => {
        this.#waiters.delete(wake);
        signal?.removeEventListener("abort", wake);
        resolve();
      };
      this.#waiters.add(wake);
      signal?.addEventListener("abort", wake, { once: true });
    });
  }

  notify(): void {
    for (const wake of [...this.#waiters]) wake();
  }
}
