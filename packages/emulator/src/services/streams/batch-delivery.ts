import type { Clock } from "../../clock/clock.js";
import type { FunctionOutcome } from "../function-invoker.js";
import type { Discard } from "./failure-record.js";
import type { StreamMappingSettings } from "./mapping-settings.js";
import { INVALID_RESPONSE, resumeIndex } from "./partial-response.js";
import type { SequencedRecord } from "./shard-log.js";

/** A stored record with the record Lambda sends for it. */
export interface BatchEntry<R extends SequencedRecord, L> {
  readonly record: R;
  readonly lambdaRecord: L;
}

export interface BatchDelivery<R extends SequencedRecord, L> {
  readonly settings: StreamMappingSettings;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  invoke(records: readonly L[]): Promise<FunctionOutcome>;
  discard(entries: readonly BatchEntry<R, L>[], discard: Discard): Promise<void>;
}

/**
 * How long Lambda waits before retrying a failed stream batch. AWS does not document its
 * backoff; a fixed second on the emulator's clock keeps retries visible and tests fast.
 */
export const RETRY_DELAY_MS = 1000;

type Verdict = number | "function-error";

/**
 * Delivers one batch of a shard until it succeeds or is discarded; the shard waits meanwhile,
 * which keeps its records in order. A failed batch is retried whole, or from the first record a
 * partial batch response reports; with `BisectBatchOnFunctionError` a function error splits the
 * batch in two halves delivered one after the other, which does not consume the retry quota.
 * Records older than `MaximumRecordAgeInSeconds`, and batches past `MaximumRetryAttempts`
 * retries, are discarded to the on-failure destination.
 */
export async function deliverBatch<R extends SequencedRecord, L>(
  entries: readonly BatchEntry<R, L>[],
  delivery: BatchDelivery<R, L>,
  retriesSoFar = 0,
): Promise<void> {
  const { settings, signal } = delivery;
  let pending = entries;
  let retries = retriesSoFar;
  let lastFailure: Discard["lastFailure"];
  for (;;) {
    pending = await dropExpired(pending, delivery, { retries, lastFailure });
    if (pending.length === 0 || signal.aborted) return;
    const verdict = judge(
      await delivery.invoke(pending.map((entry) => entry.lambdaRecord)),
      pending,
      settings,
    );
    if (verdict === pending.length) return;
    if (verdict === "function-error" && settings.bisectBatchOnFunctionError && pending.length > 1) {
      const middle = Math.ceil(pending.length / 2);
      await deliverBatch(pending.slice(0, middle), delivery, retries);
      await deliverBatch(pending.slice(middle), delivery, retries);
      return;
    }
    lastFailure = verdict === "function-error" ? verdict : "partial";
    if (verdict !== "function-error") pending = pending.slice(verdict);
    retries += 1;
    const limit = settings.maximumRetryAttempts;
    if (limit !== -1 && retries > limit) {
      await delivery.discard(pending, {
        condition: "RetryAttemptsExhausted",
        invokeCount: retries,
        lastFailure,
      });
      return;
    }
    await delivery.clock.sleep(RETRY_DELAY_MS, signal).catch(() => undefined);
  }
}

/** Where the batch resumes: its length when it succeeded. */
function judge<R extends SequencedRecord, L>(
  outcome: FunctionOutcome,
  entries: readonly BatchEntry<R, L>[],
  settings: StreamMappingSettings,
): Verdict {
  if (!outcome.ok) return "function-error";
  if (!settings.reportBatchItemFailures) return entries.length;
  const resume = resumeIndex(
    outcome.payload,
    entries.map((entry) => entry.record.sequenceNumber),
  );
  return resume === INVALID_RESPONSE ? "function-error" : resume;
}

/** Discards the records past the mapping's maximum age (the oldest come first in a shard). */
async function dropExpired<R extends SequencedRecord, L>(
  entries: readonly BatchEntry<R, L>[],
  delivery: BatchDelivery<R, L>,
  { retries, lastFailure }: { retries: number; lastFailure: Discard["lastFailure"] },
): Promise<readonly BatchEntry<R, L>[]> {
  const maxAge = delivery.settings.maximumRecordAgeMs;
  if (maxAge === -1) return entries;
  const oldestKept = delivery.clock.now() - maxAge;
  const live = entries.findIndex((entry) => entry.record.arrivalMs >= oldestKept);
  const expired = live === -1 ? entries.length : live;
  if (expired === 0) return entries;
  await delivery.discard(entries.slice(0, expired), {
    condition: "RecordAgeExceeded",
    invokeCount: retries,
    lastFailure,
  });
  return entries.slice(expired);
}
