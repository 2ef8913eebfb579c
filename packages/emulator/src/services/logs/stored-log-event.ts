/** A log event as CloudWatch Logs keeps it. */
export interface StoredLogEvent {
  /**
   * 56 decimal digits with the timestamp in the high bits and an ingestion serial in the low ones:
   * ids sort as the events do (by time, then arrival), across every stream of the emulator.
   */
  readonly id: string;
  readonly timestamp: number;
  readonly message: string;
  readonly ingestionTime: number;
}

/** A log event as PutLogEvents takes it. */
export interface InputLogEvent {
  readonly timestamp: number;
  readonly message: string;
}

export function logEventId(timestamp: number, serial: number): string {
  return ((BigInt(timestamp) << 64n) | BigInt(serial)).toString().padStart(56, "0");
}

/** The index of the first event whose id is greater than `id` (events sorted by id). */
export function indexAfter(events: readonly StoredLogEvent[], id: string): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle]!.id <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}
