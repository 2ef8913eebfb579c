import type { Clock } from "../../../clock/clock.js";
import { AwsServiceError } from "../../errors.js";
import type { FunctionOutcome } from "../../function-invoker.js";
import type { Delivery } from "../message.js";
import type { SqsQueue } from "../queue.js";
import { reportedFailures, WHOLE_BATCH } from "./batch-item-failures.js";
import { type LambdaSqsRecord, lambdaRecord } from "./lambda-record.js";
import {
  type MappingSettings,
  mappingSettings,
  type SqsEventSourceMappingOptions,
} from "./mapping-settings.js";

/** Lambda's pollers long-poll for the longest time SQS allows. */
const LONG_POLL_SECONDS = 20;
/** SQS hands out at most 10 messages per receive; larger batches take several. */
const MAX_RECEIVE = 10;
/** How long a poller waits for a missing queue, or before retrying a throttled batch. */
const RETRY_MS = 1000;

/**
 * Lambda's event source mapping for one SQS queue, on the emulator's clock. A poller long-polls
 * the queue and gathers batches (within the batching window); each batch loses the records the
 * filter criteria reject (deleted, as Lambda does) and goes to the function, with at most
 * `maximumConcurrency` invocations at a time; what the function processed is deleted. Failed
 * records stay in the queue and return when their visibility timeout ends, until the queue's
 * redrive policy moves them to the dead-letter queue. SQS itself keeps one batch per FIFO
 * message group in flight, so each group is delivered in order.
 */
export class SqsEventSourceMapping {
  readonly #options: SqsEventSourceMappingOptions;
  readonly #settings: MappingSettings;
  readonly #clock: Clock;
  #abort: AbortController | undefined;
  #poller: Promise<void> | undefined;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: SqsEventSourceMappingOptions) {
    this.#options = options;
    this.#settings = mappingSettings(options);
    this.#clock = options.backend.clock;
  }

  get running(): boolean {
    return this.#abort !== undefined;
  }

  start(): void {
    if (this.#abort) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.#poller = this.#poll(abort.signal);
  }

  /** Stops polling; resolves once the invocations in flight have finished and been settled. */
  async stop(): Promise<void> {
    this.#abort?.abort();
    this.#abort = undefined;
    await this.#poller;
    this.#poller = undefined;
  }

  async #poll(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      while (this.#inFlight.size >= this.#settings.concurrency) await Promise.race(this.#inFlight);
      const queue = this.#options.backend.queueByArn(this.#options.queueArn);
      if (!queue) {
        await this.#pause(signal);
        continue;
      }
      const deliveries = await this.#gather(queue, signal);
      if (signal.aborted) release(queue, deliveries);
      else if (deliveries.length > 0) this.#dispatch(queue, deliveries, signal);
    }
    await Promise.all(this.#inFlight);
  }

  #dispatch(queue: SqsQueue, deliveries: Delivery[], signal: AbortSignal): void {
    const run = this.#process(queue, deliveries, signal)
      .catch((error: unknown) => this.#report(error))
      .finally(() => this.#inFlight.delete(run));
    this.#inFlight.add(run);
  }

  /** A bug of the emulator's own: rethrown as a timer would, unless the options take it. */
  #report(error: unknown): void {
    const { onError } = this.#options;
    if (onError) onError(error);
    else
      queueMicrotask(() => {
        throw error;
      });
  }

  /** A batch: the first messages of a long poll, then more until full or the window ends. */
  async #gather(queue: SqsQueue, signal: AbortSignal): Promise<Delivery[]> {
    const { batchSize, batchingWindowMs } = this.#settings;
    const receive = (wanted: number, waitTimeSeconds: number) =>
      queue.receive({ maxMessages: Math.min(MAX_RECEIVE, wanted), waitTimeSeconds, signal });
    const batch = await receive(batchSize, LONG_POLL_SECONDS);
    if (batch.length === 0 || batchingWindowMs === 0) return batch;
    const deadline = this.#clock.now() + batchingWindowMs;
    for (let left = batchingWindowMs; batch.length < batchSize && left > 0 && !signal.aborted; ) {
      batch.push(...(await receive(batchSize - batch.length, left / 1000)));
      left = deadline - this.#clock.now();
    }
    return batch;
  }

  async #process(queue: SqsQueue, deliveries: Delivery[], signal: AbortSignal): Promise<void> {
    const records = deliveries.map((delivery) => lambdaRecord(delivery, queue));
    const { filter } = this.#settings;
    const matching: LambdaSqsRecord[] = [];
    for (const record of records) {
      // Lambda deletes the messages its filter criteria reject, without invoking for them.
      if (!filter || filter(record)) matching.push(record);
      else acknowledge(queue, record);
    }
    if (matching.length === 0) return;
    const failed = this.#failures(await this.#invoke(queue, matching, signal), matching);
    if (failed === WHOLE_BATCH) return;
    for (const record of matching) if (!failed.has(record.messageId)) acknowledge(queue, record);
  }

  /**
   * Invokes the function with the batch. A throttled call is retried with the same batch, kept
   * in flight meanwhile, so that throttling never counts as a receive.
   */
  async #invoke(
    queue: SqsQueue,
    records: readonly LambdaSqsRecord[],
    signal: AbortSignal,
  ): Promise<FunctionOutcome> {
    for (;;) {
      const outcome = await this.#options.invoker
        .invoke({
          payload: { Records: records },
          invocationType: "RequestResponse",
          trigger: `sqs:${queue.name}`,
          ...(this.#options.qualifier !== undefined && { qualifier: this.#options.qualifier }),
        })
        .catch(invokerFailure);
      if (outcome.ok || outcome.kind !== "throttled" || signal.aborted) return outcome;
      keepInFlight(queue, records);
      await this.#pause(signal);
    }
  }

  #failures(outcome: FunctionOutcome, records: readonly LambdaSqsRecord[]) {
    if (!outcome.ok) return WHOLE_BATCH;
    if (!this.#settings.reportBatchItemFailures) return new Set<string>();
    return reportedFailures(outcome.payload, new Set(records.map((record) => record.messageId)));
  }

  #pause(signal: AbortSignal): Promise<void> {
    return this.#clock.sleep(RETRY_MS, signal).catch(() => undefined);
  }
}

/** Deletes a processed message; a handle that expired meanwhile leaves it for redelivery. */
function acknowledge(queue: SqsQueue, record: LambdaSqsRecord): void {
  ignoreSqsErrors(() => queue.deleteMessage(record.receiptHandle));
}

function keepInFlight(queue: SqsQueue, records: readonly LambdaSqsRecord[]): void {
  const { visibilityTimeout } = queue.attributes.settings;
  for (const record of records) {
    ignoreSqsErrors(() => queue.changeVisibility(record.receiptHandle, visibilityTimeout));
  }
}

/** Hands back messages gathered when the mapping stopped, for the next poller to take. */
function release(queue: SqsQueue, deliveries: readonly Delivery[]): void {
  for (const { receiptHandle } of deliveries) {
    ignoreSqsErrors(() => queue.changeVisibility(receiptHandle, 0));
  }
}

function ignoreSqsErrors(action: () => void): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof AwsServiceError)) throw error;
  }
}

/** An invoker that rejects fails the batch like a function error, so no message is lost. */
function invokerFailure(error: unknown): FunctionOutcome {
  return {
    ok: false,
    kind: "function",
    error: {
      errorType: error instanceof Error ? error.name : "Error",
      errorMessage: error instanceof Error ? error.message : String(error),
    },
  };
}
