import { ChangeSignal } from "./change-signal.js";

/** What every stream record has, whatever the stream: its place in the shard and its arrival. */
export interface SequencedRecord {
  /** Decimal digits that grow with every record of the shard. */
  readonly sequenceNumber: string;
  /** When the record reached the stream, in the emulator clock's milliseconds. */
  readonly arrivalMs: number;
}

/**
 * The records of one shard, in order. A position is the index of a record since the shard was
 * created, so positions stay valid when old records are trimmed; readers (shard iterators, event
 * source mappings) hold positions, never records.
 */
export class ShardLog<R extends SequencedRecord> {
  readonly shardId: string;
  readonly #records: R[] = [];
  #offset = 0;
  #closed = false;
  readonly #changed = new ChangeSignal();

  constructor(shardId: string) {
    this.shardId = shardId;
  }

  /** The position of the oldest record kept (the trim horizon). */
  get start(): number {
    return this.#offset;
  }

  /** The position the next record will take (the tip, where `LATEST` readers start). */
  get end(): number {
    return this.#offset + this.#records.length;
  }

  /** A closed shard takes no more records: its stream was deleted or disabled. */
  get closed(): boolean {
    return this.#closed;
  }

  get firstSequenceNumber(): string | undefined {
    return this.#records[0]?.sequenceNumber;
  }

  get lastSequenceNumber(): string | undefined {
    return this.#records.at(-1)?.sequenceNumber;
  }

  append(record: R): void {
    if (this.#closed) throw new Error(`Shard ${this.shardId} is closed.`);
    this.#records.push(record);
    this.#changed.notify();
  }

  close(): void {
    this.#closed = true;
    this.#changed.notify();
  }

  /** Up to `limit` records from `position` on (from the trim horizon when it fell behind it). */
  read(position: number, limit: number): R[] {
    const from = Math.max(position, this.#offset) - this.#offset;
    return this.#records.slice(from, from + limit);
  }

  /** The position of the first record whose sequence number is at least (or above) `sequence`. */
  positionOfSequence(sequenceNumber: string, after: boolean): number {
    const target = BigInt(sequenceNumber);
    return this.#firstPositionWhere((record) => {
      const current = BigInt(record.sequenceNumber);
      return after ? current > target : current >= target;
    });
  }

  /** The position of the first record that arrived at or after `timeMs`. */
  positionAtTime(timeMs: number): number {
    return this.#firstPositionWhere((record) => record.arrivalMs >= timeMs);
  }

  /** Whether a record of this shard has the sequence number. */
  hasSequence(sequenceNumber: string): boolean {
    const position = this.positionOfSequence(sequenceNumber, false);
    return this.read(position, 1)[0]?.sequenceNumber === sequenceNumber;
  }

  /** Drops the records that arrived before `timeMs`, as a stream's retention period does. */
  trimBefore(timeMs: number): void {
    const keep = this.positionAtTime(timeMs) - this.#offset;
    if (keep <= 0) return;
    this.#records.splice(0, keep);
    this.#offset += keep;
  }

  /** Resolves once a record exists at `position` or later, the shard closes, or `signal` aborts. */
  async waitBeyond(position: number, signal: AbortSignal): Promise<void> {
    while (this.end <= position && !this.#closed && !signal.aborted) {
      await this.#changed.next(signal);
    }
  }

  /** Resolves at the next record or close, or when `signal` aborts. */
  changed(signal: AbortSignal): Promise<void> {
    return this.#changed.next(signal);
  }

  #firstPositionWhere(test: (record: R) => boolean): number {
    let low = 0;
    let high = this.#records.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (test(this.#records[middle]!)) high = middle;
      else low = middle + 1;
    }
    return this.#offset + low;
  }
}
