import { batchTooLarge, notChronological, spanTooLong } from "./logs-errors.js";
import type { InputLogEvent } from "./stored-log-event.js";

/** Which events of a batch PutLogEvents refused, as it reports them (indexes into the batch). */
export interface RejectedLogEventsInfo {
  /** Inclusive: events from this one on are more than two hours ahead. */
  readonly tooNewLogEventStartIndex?: number;
  /** Exclusive: events before this one are more than 14 days old. */
  readonly tooOldLogEventEndIndex?: number;
  /** Exclusive: events before this one are older than the group's retention. */
  readonly expiredLogEventEndIndex?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Each event counts its message's UTF-8 bytes plus 26 bytes against the 1 MB of a batch. */
const EVENT_OVERHEAD_BYTES = 26;
const MAX_BATCH_BYTES = 1_048_576;

/** Refuses a batch PutLogEvents refuses as a whole. */
export function checkBatch(events: readonly InputLogEvent[]): void {
  for (let index = 1; index < events.length; index++) {
    if (events[index]!.timestamp < events[index - 1]!.timestamp) throw notChronological();
  }
  const first = events[0];
  const last = events.at(-1);
  if (first && last && last.timestamp - first.timestamp > DAY) throw spanTooLong();
  const bytes = events.reduce(
    (total, event) => total + Buffer.byteLength(event.message) + EVENT_OVERHEAD_BYTES,
    0,
  );
  if (bytes > MAX_BATCH_BYTES) throw batchTooLarge(bytes, MAX_BATCH_BYTES);
}

/**
 * Splits a checked (chronological) batch into the events CloudWatch Logs keeps and the report of
 * those it drops: more than two hours ahead of `now`, more than 14 days old, or older than the
 * group's retention.
 */
export function partitionBatch(
  events: readonly InputLogEvent[],
  now: number,
  retentionInDays: number | undefined,
): { accepted: readonly InputLogEvent[]; rejected: RejectedLogEventsInfo | undefined } {
  const countBefore = (time: number) => events.filter((event) => event.timestamp < time).length;
  const tooOld = countBefore(now - 14 * DAY);
  const expired = retentionInDays === undefined ? 0 : countBefore(now - retentionInDays * DAY);
  const tooNewIndex = events.findIndex((event) => event.timestamp > now + 2 * HOUR);
  const tooNew = tooNewIndex === -1 ? events.length : tooNewIndex;
  const rejected: RejectedLogEventsInfo = {
    ...(tooNew < events.length && { tooNewLogEventStartIndex: tooNew }),
    ...(tooOld > 0 && { tooOldLogEventEndIndex: tooOld }),
    ...(expired > 0 && { expiredLogEventEndIndex: expired }),
  };
  return {
    accepted: events.slice(Math.max(tooOld, expired), Math.max(tooNew, tooOld, expired)),
    rejected: Object.keys(rejected).length > 0 ? rejected : undefined,
  };
}
