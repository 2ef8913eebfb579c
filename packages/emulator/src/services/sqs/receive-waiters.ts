import type { Clock, Timer } from "../../clock/clock.js";

interface Waiter<T> {
  /** Tries to take messages for this waiter; undefined when there are none to take. */
  readonly attempt: () => T | undefined;
  readonly settle: (result: T) => void;
}

export interface ReceiveWaitersOptions<T> {
  readonly clock: Clock;
  /** What a poll that found nothing resolves with. */
  readonly empty: () => T;
  /** When a message next becomes visible by itself (a delay or a visibility timeout ending). */
  readonly nextChange: () => number | undefined;
}

/**
 * The long polls waiting on one queue. A poll ends as soon as messages can be taken, when its
 * wait time has passed on the clock, or when its signal aborts. The queue calls `notify` after
 * every change; while polls wait, a timer wakes them when the next message becomes visible by
 * itself, so that no poll sleeps past its messages.
 */
export class ReceiveWaiters<T> {
  readonly #options: ReceiveWaitersOptions<T>;
  readonly #waiters = new Set<Waiter<T>>();
  #wake: { readonly at: number; readonly timer: Timer } | undefined;

  constructor(options: ReceiveWaitersOptions<T>) {
    this.#options = options;
  }

  get pending(): boolean {
    return this.#waiters.size > 0;
  }

  wait(waitMs: number, attempt: () => T | undefined, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve) => {
      const settle = (result: T) => {
        this.#waiters.delete(waiter);
        timer.cancel();
        signal?.removeEventListener("abort", onAbort);
        resolve(result);
      };
      const onAbort = () => {
        settle(this.#options.empty());
        this.#rearm();
      };
      const waiter: Waiter<T> = { attempt, settle };
      const timer = this.#options.clock.setTimeout(onAbort, waitMs);
      this.#waiters.add(waiter);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort, { once: true });
      this.#rearm();
    });
  }

  /** Hands messages to waiting polls in arrival order, while there are messages to take. */
  notify(): void {
    for (const waiter of this.#waiters) {
      const result = waiter.attempt();
      // The polls after this one would find the queue in the same state: nothing to take.
      if (result === undefined) break;
      waiter.settle(result);
    }
    this.#rearm();
  }

  /** Ends every poll empty-handed, as when the queue is deleted. */
  close(): void {
    for (const waiter of this.#waiters) waiter.settle(this.#options.empty());
    this.#rearm();
  }

  #rearm(): void {
    const next = this.pending ? this.#options.nextChange() : undefined;
    if (next === undefined) {
      this.#wake?.timer.cancel();
      this.#wake = undefined;
      return;
    }
    if (this.#wake && this.#wake.at <= next) return;
    this.#wake?.timer.cancel();
    const { clock } = this.#options;
    const timer = clock.setTimeout(
      () => {
        this.#wake = undefined;
        this.notify();
      },
      Math.max(0, next - clock.now()),
    );
    this.#wake = { at: next, timer };
  }
}
