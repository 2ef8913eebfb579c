import type { LambdaError } from "../../host/index.js";

/** An asynchronous invocation that failed every attempt, as Lambda hands it to its dead-letter target. */
export interface DeadLetteredEvent {
  /** The invocation's request id, the same on every attempt (SQS/SNS targets get it as `RequestID`). */
  readonly requestId: string;
  /** The event as JSON text: the body of the dead-letter message. */
  readonly payload: string;
  readonly qualifier: string | undefined;
  readonly trigger: string;
  /** The last attempt's error (`ErrorMessage` of the dead-letter message). */
  readonly error: LambdaError;
  readonly attempts: number;
  /** When the event was given up on, by the emulator's clock (epoch milliseconds). */
  readonly time: number;
}

/**
 * Where failed asynchronous events go: the stage's dead-letter queue or topic once those are
 * emulated. A sink that rejects is reported; the event is not retried.
 */
export interface DeadLetterSink {
  deadLetter(event: DeadLetteredEvent): void | Promise<void>;
}

/** The sink while no queue or topic is configured: it keeps the events, for display and tests. */
export class DeadLetterLog implements DeadLetterSink {
  readonly #events: DeadLetteredEvent[] = [];

  get events(): readonly DeadLetteredEvent[] {
    return this.#events;
  }

  deadLetter(event: DeadLetteredEvent): void {
    this.#events.push(event);
  }
}
