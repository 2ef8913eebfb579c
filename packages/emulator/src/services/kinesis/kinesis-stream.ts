import type { Clock } from "../../clock/clock.js";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import type { PolledStream } from "../streams/stream-source.js";
import { evenHashKeyRanges, hashKeyOf } from "./hash-keys.js";
import { type KinesisRecord, KinesisShard } from "./kinesis-shard.js";

export type StreamMode = "PROVISIONED" | "ON_DEMAND";

export interface KinesisStreamOptions {
  readonly name: string;
  readonly region: string;
  readonly shardCount: number;
  readonly mode: StreamMode;
  readonly clock: Clock;
}

/** Records stay readable for a day, Kinesis's default retention period. */
export const RETENTION_HOURS = 24;

/** One Kinesis data stream: its shards, which split the hash key space evenly. */
export class KinesisStream implements PolledStream<KinesisRecord> {
  readonly name: string;
  readonly region: string;
  readonly arn: string;
  readonly mode: StreamMode;
  readonly createdAt: number;
  readonly kinesisShards: readonly KinesisShard[];
  readonly #clock: Clock;

  constructor({ name, region, shardCount, mode, clock }: KinesisStreamOptions) {
    this.name = name;
    this.region = region;
    this.arn = `arn:aws:kinesis:${region}:${LOCAL_ACCOUNT_ID}:stream/${name}`;
    this.mode = mode;
    this.createdAt = clock.now();
    this.#clock = clock;
    this.kinesisShards = evenHashKeyRanges(shardCount).map(
      (range, index) => new KinesisShard(index, range, clock),
    );
  }

  get shards() {
    return this.kinesisShards.map((shard) => shard.log);
  }

  shard(shardId: string): KinesisShard | undefined {
    return this.kinesisShards.find((shard) => shard.shardId === shardId);
  }

  /** Appends a record to the shard whose range holds its hash key. */
  put(
    data: Buffer,
    partitionKey: string,
    explicitHashKey?: bigint,
  ): { shard: KinesisShard; record: KinesisRecord } {
    const hashKey = explicitHashKey ?? hashKeyOf(partitionKey);
    const shard = this.kinesisShards.find((candidate) => candidate.covers(hashKey))!;
    this.trim();
    return { shard, record: shard.append(data, partitionKey, this.#clock.now()) };
  }

  /** Drops the records past the retention period. */
  trim(): void {
    const horizon = this.#clock.now() - RETENTION_HOURS * 3_600_000;
    for (const shard of this.kinesisShards) shard.log.trimBefore(horizon);
  }

  close(): void {
    for (const shard of this.kinesisShards) shard.log.close();
  }
}
