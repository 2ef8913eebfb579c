import type { Clock } from "../../clock/clock.js";
import { type AttemptOutcome, describe, lambdaAttempt, queueAttempt } from "./delivery-attempts.js";
import { type DeliveryJob, queueMessage } from "./delivery-job.js";
import type { FunctionDelivery, QueueDelivery, SnsDeliveryFailure } from "./delivery-targets.js";
import type { RetrySchedule } from "./retry-schedule.js";
import type { SnsSubscription } from "./subscription.js";

export interface SnsDeliveryOptions {
  readonly clock: Clock;
  readonly queues: QueueDelivery;
  readonly functions: FunctionDelivery | undefined;
  readonly retrySchedule: RetrySchedule;
  readonly onFailure: ((failure: SnsDeliveryFailure) => void) | undefined;
}

/**
 * Delivers notifications to their subscriptions after Publish returned, on the emulator's clock:
 * retries server-side failures on the retry schedule, then moves the message to the
 * subscription's dead-letter queue, as does a client-side failure at once. A FIFO topic's
 * deliveries to one subscription run one after the other, in publish order.
 */
export class SnsDelivery {
  readonly #options: SnsDeliveryOptions;
  readonly #fifoTails = new WeakMap<SnsSubscription, Promise<void>>();

  constructor(options: SnsDeliveryOptions) {
    this.#options = options;
  }

  schedule(job: DeliveryJob): void {
    const { subscription } = job;
    const start = () => this.#options.clock.sleep(0);
    if (!subscription.topic.fifo) {
      void start().then(() => this.#deliver(job));
      return;
    }
    const tail = (this.#fifoTails.get(subscription) ?? Promise.resolve())
      .then(start)
      .then(() => this.#deliver(job));
    this.#fifoTails.set(subscription, tail);
  }

  /** Never rejects: every failure ends in the dead-letter queue or in a reported loss. */
  async #deliver(job: DeliveryJob): Promise<void> {
    try {
      for (let retry = 1; ; retry++) {
        if (!job.subscription.active) return;
        const outcome = await this.#attempt(job);
        if (outcome.delivered) return;
        const delay = outcome.retryable ? this.#options.retrySchedule(retry) : undefined;
        if (delay === undefined) return await this.#deadLetter(job, outcome.reason);
        await this.#options.clock.sleep(delay);
      }
    } catch (error) {
      this.#report(job, `the emulator failed to deliver it: ${describe(error)}`, undefined);
    }
  }

  #attempt(job: DeliveryJob): Promise<AttemptOutcome> {
    const { subscription } = job;
    return subscription.protocol === "lambda"
      ? lambdaAttempt(this.#options.functions, subscription, job.notification)
      : queueAttempt(
          this.#options.queues,
          subscription.endpoint,
          queueMessage(job, subscription.endpoint),
        );
  }

  async #deadLetter(job: DeliveryJob, reason: string): Promise<void> {
    const target = job.subscription.settings.deadLetterTargetArn;
    if (target === undefined) return this.#report(job, reason, undefined);
    const outcome = await queueAttempt(this.#options.queues, target, queueMessage(job, target));
    if (outcome.delivered) return this.#report(job, reason, target);
    this.#report(
      job,
      `${reason}; the dead-letter queue refused it too: ${outcome.reason}`,
      undefined,
    );
  }

  #report(job: DeliveryJob, reason: string, deadLetterTargetArn: string | undefined): void {
    this.#options.onFailure?.({
      subscriptionArn: job.subscription.arn,
      messageId: job.notification.messageId,
      reason,
      deadLetterTargetArn,
    });
  }
}
