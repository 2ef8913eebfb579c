import type { Clock } from "../../clock/clock.js";
import { type BatchDelivery, type BatchEntry, deliverBatch } from "./batch-delivery.js";
import type { StreamMappingSettings } from "./mapping-settings.js";
import type { SequencedRecord, ShardLog } from "./shard-log.js";

export interface ShardPollerOptions<R extends SequencedRecord, L> {
  readonly shard: ShardLog<R>;
  readonly position: number;
  readonly settings: StreamMappingSettings;
  readonly clock: Clock;
  readonly lambdaRecord: (record: R) => L;
  /** The delivery of this shard's batches, for the given abort signal. */
  readonly delivery: (signal: AbortSignal) => BatchDelivery<R, L>;
}

/**
 * Lambda's reader of one shard: it waits for records, gathers a batch (within the batching
 * window), drops the records the filter criteria reject and delivers the rest, one batch at a
 * time so that the shard's order holds. It ends when its shard is closed and read to the end.
 */
export async function pollShard<R extends SequencedRecord, L>(
  options: ShardPollerOptions<R, L>,
  signal: AbortSignal,
): Promise<void> {
  const { shard, settings } = options;
  const delivery = options.delivery(signal);
  let position = options.position;
  while (!signal.aborted) {
    await shard.waitBeyond(position, signal);
    if (signal.aborted || (shard.closed && position >= shard.end)) return;
    await awaitBatchingWindow(options, position, signal);
    const records = shard.read(position, settings.batchSize);
    const entries = matchingEntries(records, options);
    if (entries.length > 0) await deliverBatch(entries, delivery);
    if (signal.aborted) return;
    position = Math.max(position, shard.start) + records.length;
  }
}

/** Lambda passes the function only the records its filter criteria accept; the rest are skipped. */
function matchingEntries<R extends SequencedRecord, L>(
  records: readonly R[],
  { lambdaRecord, settings }: ShardPollerOptions<R, L>,
): BatchEntry<R, L>[] {
  const entries = records.map((record) => ({ record, lambdaRecord: lambdaRecord(record) }));
  const { filter } = settings;
  return filter ? entries.filter((entry) => filter(entry.lambdaRecord)) : entries;
}

/** Gathers records until the batch is full or the window has passed on the clock. */
async function awaitBatchingWindow<R extends SequencedRecord, L>(
  { shard, settings, clock }: ShardPollerOptions<R, L>,
  position: number,
  signal: AbortSignal,
): Promise<void> {
  if (settings.batchingWindowMs === 0) return;
  const deadline = clock.now() + settings.batchingWindowMs;
  while (shard.end - position < settings.batchSize && !shard.closed && !signal.aborted) {
    const left = deadline - clock.now();
    if (left <= 0) return;
    const wait = new AbortController();
    const stop = () => wait.abort();
    signal.addEventListener("abort", stop, { once: true });
    await Promise.race([
      shard.changed(wait.signal),
      clock.sleep(left, wait.signal).catch(() => {}),
    ]);
    signal.removeEventListener("abort", stop);
    wait.abort();
  }
}
