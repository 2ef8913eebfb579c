import type { Clock } from "../../clock/clock.js";
import type { FunctionInvoker, FunctionOutcome } from "../function-invoker.js";
import type { BatchDelivery } from "./batch-delivery.js";
import { type DiscardedBatch, failureRecord } from "./failure-record.js";
import {
  type StreamMappingConfig,
  type StreamMappingSettings,
  streamMappingSettings,
} from "./mapping-settings.js";
import type { SequencedRecord, ShardLog } from "./shard-log.js";
import { pollShard } from "./shard-poller.js";
import type { PolledStream, StreamKind, StreamSource } from "./stream-source.js";

export interface StreamEventSourceMappingOptions<R extends SequencedRecord, L> {
  readonly source: StreamSource<R>;
  readonly kind: StreamKind<R, L>;
  readonly invoker: FunctionInvoker;
  readonly clock: Clock;
  /** The function's ARN, which on-failure invocation records name. */
  readonly functionArn: string;
  /** What causes the invocations, for logs and recordings (`kinesis:orders`). */
  readonly trigger: string;
  /** The registration's mapping options; those left out take Lambda's defaults. */
  readonly config?: StreamMappingConfig;
  /** The version or alias to invoke; none means `$LATEST`. */
  readonly qualifier?: string;
  /** The on-failure destination: receives each discarded batch. */
  readonly onFailure?: (batch: DiscardedBatch<L>) => void | Promise<void>;
  /** Receives the mapping's own failures (bugs). Default: rethrown, as a timer would. */
  readonly onError?: (error: unknown) => void;
}

/** How long a poller waits before retrying a batch Lambda throttled. */
const THROTTLE_RETRY_MS = 1000;

/**
 * Lambda's event source mapping for a Kinesis or DynamoDB stream, on the emulator's clock: one
 * reader per shard, each delivering its shard's records in order, in batches, to the function.
 * The shards open when the mapping starts are read from its starting position (`LATEST` or
 * `TRIM_HORIZON`); shards that appear later (a stream created or re-enabled, a reshard) are read
 * from their start, since every record in them is newer than the mapping.
 */
export class StreamEventSourceMapping<R extends SequencedRecord, L> {
  readonly #options: StreamEventSourceMappingOptions<R, L>;
  readonly #settings: StreamMappingSettings;
  #abort: AbortController | undefined;
  #running: Promise<void> | undefined;

  constructor(options: StreamEventSourceMappingOptions<R, L>) {
    this.#options = options;
    this.#settings = streamMappingSettings(options.config ?? {}, options.kind.filterSource);
  }

  get running(): boolean {
    return this.#abort !== undefined;
  }

  start(): void {
    if (this.#abort) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.#running = this.#run(abort.signal);
  }

  /** Stops reading; resolves once the batches in flight are settled. */
  async stop(): Promise<void> {
    this.#abort?.abort();
    this.#abort = undefined;
    await this.#running;
    this.#running = undefined;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const { source } = this.#options;
    const seen = new Set<ShardLog<R>>();
    const readers: Promise<void>[] = [];
    let startingPosition = this.#settings.startingPosition;
    while (!signal.aborted) {
      const changed = source.changes.next(signal);
      const stream = source.current();
      for (const shard of stream?.shards ?? []) {
        if (seen.has(shard)) continue;
        seen.add(shard);
        const position = startingPosition === "LATEST" ? shard.end : shard.start;
        readers.push(this.#readShard(stream as PolledStream<R>, shard, position, signal));
      }
      startingPosition = "TRIM_HORIZON";
      await changed;
    }
    await Promise.all(readers);
  }

  #readShard(
    stream: PolledStream<R>,
    shard: ShardLog<R>,
    position: number,
    signal: AbortSignal,
  ): Promise<void> {
    const { kind, clock } = this.#options;
    return pollShard(
      {
        shard,
        position,
        settings: this.#settings,
        clock,
        lambdaRecord: (record) => kind.lambdaRecord(record, shard.shardId, stream.arn),
        delivery: (abort) => this.#delivery(stream.arn, shard.shardId, abort),
      },
      signal,
    ).catch((error: unknown) => this.#report(error));
  }

  #delivery(streamArn: string, shardId: string, signal: AbortSignal): BatchDelivery<R, L> {
    const { clock, kind, functionArn, onFailure } = this.#options;
    return {
      settings: this.#settings,
      clock,
      signal,
      invoke: (records) => this.#invoke(records, signal),
      discard: async (entries, discard) => {
        const invocationRecord = failureRecord(
          entries.map((entry) => entry.record),
          discard,
          {
            functionArn,
            batchInfoKey: kind.batchInfoKey,
            shardId,
            streamArn,
            arrivalTime: kind.arrivalTime,
            now: clock.now(),
          },
        );
        const records = entries.map((entry) => entry.lambdaRecord);
        await Promise.resolve(onFailure?.({ invocationRecord, records })).catch((error: unknown) =>
          this.#report(error),
        );
      },
    };
  }

  /** Invokes the function; a throttled call is retried with the same batch, as Lambda does. */
  async #invoke(records: readonly L[], signal: AbortSignal): Promise<FunctionOutcome> {
    const { invoker, trigger, qualifier, clock } = this.#options;
    for (;;) {
      const outcome = await invoker
        .invoke({
          payload: { Records: records },
          invocationType: "RequestResponse",
          trigger,
          ...(qualifier !== undefined && { qualifier }),
        })
        .catch(invokerFailure);
      if (outcome.ok || outcome.kind !== "throttled" || signal.aborted) return outcome;
      await clock.sleep(THROTTLE_RETRY_MS, signal).catch(() => undefined);
    }
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
}

/** An invoker that rejects fails the batch like a function error, so no record is skipped. */
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
