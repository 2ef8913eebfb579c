import type { JsonValue } from "@domovoi/runtime";
import type { Clock, Timer } from "../../clock/index.js";
import { HostClosedError, type InvocationResult } from "../../host/index.js";
import type { DeadLetteredEvent } from "./dead-letters.js";

/** Lambda's waits before the second and the third attempt of a failed asynchronous event. */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;

/** An event Lambda has accepted for asynchronous invocation. */
export interface QueuedEvent {
  readonly requestId: string;
  /** The event's JSON text, and the event it holds. */
  readonly payload: string;
  readonly event: JsonValue;
  readonly qualifier: string | undefined;
  readonly trigger: string;
  readonly registration: string | undefined;
  readonly clientContext: unknown;
}

export interface AsyncInvocationsOptions {
  readonly clock: Clock;
  /** Runs one attempt; rejects when it could not run at all (the host closed). */
  readonly attempt: (event: QueuedEvent, attempt: number) => Promise<InvocationResult>;
  /** Receives the events that failed every attempt. */
  readonly deadLetter: (event: DeadLetteredEvent) => Promise<void>;
  /** Receives what went wrong outside the function (never the function's own errors). */
  readonly onError: (error: unknown) => void;
}

/**
 * Lambda's asynchronous invocation: an event is attempted at once (waiting for concurrency in the
 * host's queue), and when the function fails it is attempted twice more, after one and after two
 * minutes of the emulator's clock, then dead-lettered. Every attempt leases an environment of
 * the code serving at that moment, so events waiting out a reload run the new code.
 */
export class AsyncInvocations {
  readonly #options: AsyncInvocationsOptions;
  readonly #running = new Set<Promise<void>>();
  readonly #waiting = new Set<Timer>();
  #closed = false;

  constructor(options: AsyncInvocationsOptions) {
    this.#options = options;
  }

  /** Attempts running now, and events waiting on the clock for their next attempt. */
  get pending(): { readonly running: number; readonly waiting: number } {
    return { running: this.#running.size, waiting: this.#waiting.size };
  }

  submit(event: QueuedEvent): void {
    this.#start(event, 1);
  }

  /** Resolves once no attempt is running (events waiting on the clock may remain). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /** Drops the events waiting for a retry; running attempts end with the host. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#waiting) timer.cancel();
    this.#waiting.clear();
  }

  #start(event: QueuedEvent, attempt: number): void {
    const running = this.#run(event, attempt).catch(this.#options.onError);
    this.#running.add(running);
    void running.finally(() => this.#running.delete(running));
  }

  async #run(event: QueuedEvent, attempt: number): Promise<void> {
    let result: InvocationResult;
    try {
      result = await this.#options.attempt(event, attempt);
    } catch (error) {
      if (error instanceof HostClosedError) return;
      throw error;
    }
    if (result.status === "success" || this.#closed) return;
    const delay = ASYNC_RETRY_DELAYS_MS[attempt - 1];
    if (delay === undefined) {
      await this.#options.deadLetter({
        requestId: event.requestId,
        payload: event.payload,
        qualifier: event.qualifier,
        trigger: event.trigger,
        // A failed result always carries its error document.
        error: result.error!,
        attempts: attempt,
        time: this.#options.clock.now(),
      });
      return;
    }
    const timer = this.#options.clock.setTimeout(() => {
      this.#waiting.delete(timer);
      this.#start(event, attempt + 1);
    }, delay);
    this.#waiting.add(timer);
  }
}
