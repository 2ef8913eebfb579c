import type { Clock } from "../../clock/clock.js";
import { type SequencedRecord, ShardLog } from "../streams/shard-log.js";
import type { HashKeyRange } from "./hash-keys.js";

/** A record as the stream keeps it. */
export interface KinesisRecord extends SequencedRecord {
  readonly data: Buffer;
  readonly partitionKey: string;
}

/** Digits of the counter part of a sequence number. */
const COUNTER_DIGITS = 30;

/**
 * One shard of a Kinesis stream: its hash key range and its records. Sequence numbers are the
 * 56 digits Kinesis uses, growing with every record: `49`, the shard's creation time, its index,
 * then a counter.
 */
export class KinesisShard {
  readonly log: ShardLog<KinesisRecord>;
  readonly hashKeyRange: HashKeyRange;
  readonly startingSequenceNumber: string;
  readonly #prefix: string;
  #count = 0n;

  constructor(index: number, hashKeyRange: HashKeyRange, clock: Clock) {
    this.log = new ShardLog(`shardId-${String(index).padStart(12, "0")}`);
    this.hashKeyRange = hashKeyRange;
    this.#prefix = `49${String(clock.now()).padStart(20, "0")}${String(index).padStart(4, "0")}`;
    this.startingSequenceNumber = this.#sequenceNumber(0n);
  }

  get shardId(): string {
    return this.log.shardId;
  }

  covers(hashKey: bigint): boolean {
    return hashKey >= this.hashKeyRange.start && hashKey <= this.hashKeyRange.end;
  }

  append(data: Buffer, partitionKey: string, arrivalMs: number): KinesisRecord {
    this.#count += 1n;
    const record = {
      sequenceNumber: this.#sequenceNumber(this.#count),
      arrivalMs,
      data,
      partitionKey,
    };
    this.log.append(record);
    return record;
  }

  #sequenceNumber(count: bigint): string {
    return `${this.#prefix}${count.toString().padStart(COUNTER_DIGITS, "0")}`;
  }
}
