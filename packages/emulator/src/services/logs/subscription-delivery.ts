import type { CloudWatchLogsLogEvent } from "aws-lambda";
import type { Clock, Timer } from "../../clock/clock.js";
import { encodeLogsEvent } from "../../events/logs.js";
import { AwsServiceError } from "../errors.js";
import type { FunctionInvoker } from "../function-invoker.js";
import type { SubscriptionFilter } from "./subscription-filter.js";

/** The app's function, the one destination of subscription filters the emulator delivers to. */
export interface LogsFunctionDelivery {
  readonly functionName: string;
  readonly invoker: FunctionInvoker;
}

/** A batch of log events a subscription could not deliver. */
export interface LogsDeliveryFailure {
  readonly logGroup: string;
  readonly logStream: string;
  readonly filterName: string;
  readonly eventCount: number;
  readonly reason: string;
}

export interface SubscriptionDeliveryOptions {
  readonly clock: Clock;
  readonly account: string;
  readonly functions: LogsFunctionDelivery | undefined;
  /** How long matching events of one stream gather before they are sent together. */
  readonly batchWindowMs: number;
  readonly onFailure: ((failure: LogsDeliveryFailure) => void) | undefined;
}

interface Batch {
  readonly logGroup: string;
  readonly logStream: string;
  readonly filter: SubscriptionFilter;
  readonly events: CloudWatchLogsLogEvent[];
  bytes: number;
  timer: Timer | undefined;
}

/**
 * Keeps a batch's `awslogs.data` within what an asynchronous invocation takes (256 KB) even for
 * log lines gzip cannot shrink, once base64 has grown them by a third.
 */
const MAX_BATCH_BYTES = 180 * 1024;
const MAX_BATCH_EVENTS = 10_000;
/** CloudWatch Logs keeps trying a throttled destination for a day. */
const MAX_RETRY_MS = 24 * 3_600_000;

/**
 * Delivers what subscription filters match, as CloudWatch Logs does: the matching events of one
 * stream gather for a short window on the emulator's clock and go to the function together, as
 * one gzipped, base64-encoded `DATA_MESSAGE`, invoked asynchronously; throttled deliveries are
 * retried with a growing delay.
 */
export class SubscriptionDelivery {
  readonly #options: SubscriptionDeliveryOptions;
  readonly #batches = new Map<SubscriptionFilter, Map<string, Batch>>();

  constructor(options: SubscriptionDeliveryOptions) {
    this.#options = options;
  }

  accept(
    logGroup: string,
    logStream: string,
    filter: SubscriptionFilter,
    events: readonly CloudWatchLogsLogEvent[],
  ): void {
    for (const event of events) {
      const batch = this.#batchFor(logGroup, logStream, filter);
      batch.events.push(event);
      batch.bytes += eventBytes(event);
      if (batch.bytes >= MAX_BATCH_BYTES || batch.events.length >= MAX_BATCH_EVENTS) {
        this.#flush(batch);
      }
    }
  }

  #batchFor(logGroup: string, logStream: string, filter: SubscriptionFilter): Batch {
    let byStream = this.#batches.get(filter);
    if (!byStream) {
      byStream = new Map();
      this.#batches.set(filter, byStream);
    }
    let batch = byStream.get(logStream);
    if (!batch) {
      const created: Batch = {
        logGroup,
        logStream,
        filter,
        events: [],
        bytes: 0,
        timer: undefined,
      };
      created.timer = this.#options.clock.setTimeout(
        () => this.#flush(created),
        this.#options.batchWindowMs,
      );
      byStream.set(logStream, created);
      batch = created;
    }
    return batch;
  }

  #flush(batch: Batch): void {
    batch.timer?.cancel();
    const byStream = this.#batches.get(batch.filter);
    byStream?.delete(batch.logStream);
    if (byStream?.size === 0) this.#batches.delete(batch.filter);
    if (batch.filter.active) void this.#send(batch);
  }

  /** Never rejects: a batch that cannot be delivered is reported. */
  async #send(batch: Batch): Promise<void> {
    const { clock, functions, account } = this.#options;
    const started = clock.now();
    const payload = encodeLogsEvent({
      messageType: "DATA_MESSAGE",
      owner: account,
      logGroup: batch.logGroup,
      logStream: batch.logStream,
      subscriptionFilters: [batch.filter.name],
      logEvents: batch.events,
    });
    for (let retry = 1; ; retry++) {
      const failure = await this.#invoke(functions, batch, payload);
      if (failure === undefined) return;
      // A batch of a filter deleted meanwhile is dropped, as CloudWatch Logs drops it.
      if (!batch.filter.active) return;
      const delay = Math.min(1000 * 2 ** (retry - 1), 60_000);
      if (clock.now() + delay - started > MAX_RETRY_MS) return this.#report(batch, failure);
      await clock.sleep(delay);
    }
  }

  /** The reason the invocation failed, or undefined once Lambda took the batch. */
  async #invoke(
    functions: LogsFunctionDelivery | undefined,
    batch: Batch,
    payload: unknown,
  ): Promise<string | undefined> {
    if (!functions) return "the emulator runs no function";
    try {
      const outcome = await functions.invoker.invoke({
        payload,
        invocationType: "Event",
        ...(batch.filter.qualifier !== undefined && { qualifier: batch.filter.qualifier }),
        trigger: `logs:${batch.logGroup}`,
      });
      // Once Lambda has the event, the function's own failures are Lambda's to retry.
      if (outcome.ok || outcome.kind === "function") return undefined;
      return `${outcome.error.errorType}: ${outcome.error.errorMessage}`;
    } catch (error) {
      if (error instanceof AwsServiceError) return `${error.code}: ${error.message}`;
      return error instanceof Error ? error.message : String(error);
    }
  }

  #report(batch: Batch, reason: string): void {
    this.#options.onFailure?.({
      logGroup: batch.logGroup,
      logStream: batch.logStream,
      filterName: batch.filter.name,
      eventCount: batch.events.length,
      reason,
    });
  }
}

/** An event's share of the batch's JSON: its message and the fields around it. */
function eventBytes(event: CloudWatchLogsLogEvent): number {
  return Buffer.byteLength(JSON.stringify(event));
}
