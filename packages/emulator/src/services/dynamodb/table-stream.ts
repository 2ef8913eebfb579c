import { randomBytes } from "node:crypto";
import type { Clock } from "../../clock/clock.js";
import type { StreamViewType } from "../../events/dynamodb.js";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import { ShardLog } from "../streams/shard-log.js";
import type { PolledStream } from "../streams/stream-source.js";
import { type Image, keyOf, sameImage } from "./item-images.js";
import { changeRecord, type DynamoDbChangeRecord } from "./stream-record.js";

/** A key attribute of a table, as `KeySchema` lists it. */
export interface KeySchemaElement {
  readonly AttributeName: string;
  readonly KeyType: "HASH" | "RANGE";
}

export interface TableStreamOptions {
  readonly tableName: string;
  readonly region: string;
  readonly viewType: StreamViewType;
  readonly keySchema: readonly KeySchemaElement[];
  readonly clock: Clock;
}

/** DynamoDB Streams keeps records for 24 hours. */
const RETENTION_MS = 24 * 3_600_000;
/** Sequence numbers have 21 digits or more; these count up from 10^20. */
const FIRST_SEQUENCE = 10n ** 20n;

/**
 * The stream of one table, from the moment it was enabled until it was disabled or the table
 * deleted; enabling it again makes a new stream with a new label. Its one shard holds the
 * changes in the order they were made.
 */
export class TableStream implements PolledStream<DynamoDbChangeRecord> {
  readonly tableName: string;
  readonly region: string;
  readonly viewType: StreamViewType;
  readonly keySchema: readonly KeySchemaElement[];
  readonly label: string;
  readonly arn: string;
  readonly createdAt: number;
  readonly shard: ShardLog<DynamoDbChangeRecord>;
  readonly #keyNames: readonly string[];
  readonly #clock: Clock;
  #count = 0n;

  constructor({ tableName, region, viewType, keySchema, clock }: TableStreamOptions) {
    this.tableName = tableName;
    this.region = region;
    this.viewType = viewType;
    this.keySchema = keySchema;
    this.#clock = clock;
    this.createdAt = clock.now();
    this.label = new Date(this.createdAt).toISOString().slice(0, -1);
    this.arn = `arn:aws:dynamodb:${region}:${LOCAL_ACCOUNT_ID}:table/${tableName}/stream/${this.label}`;
    const shardId = `shardId-${String(this.createdAt).padStart(20, "0")}-${randomBytes(4).toString("hex")}`;
    this.shard = new ShardLog(shardId);
    // HASH first: the order in which DynamoDB lists a record's key attributes.
    this.#keyNames = [...keySchema]
      .sort((a, b) => (a.KeyType === b.KeyType ? 0 : a.KeyType === "HASH" ? -1 : 1))
      .map((element) => element.AttributeName);
  }

  get enabled(): boolean {
    return !this.shard.closed;
  }

  get shards(): readonly ShardLog<DynamoDbChangeRecord>[] {
    return [this.shard];
  }

  /** The sequence number of the oldest record kept, or of the next one while there is none. */
  get startingSequenceNumber(): string {
    return this.shard.firstSequenceNumber ?? String(FIRST_SEQUENCE + this.#count + 1n);
  }

  keyOf(item: Image): Image | undefined {
    return keyOf(item, this.#keyNames);
  }

  /** Records the change from `before` to `after` (undefined: no item); nothing when equal. */
  recordChange(before: Image | undefined, after: Image | undefined): void {
    const image = after ?? before;
    if (!image || (before && after && sameImage(before, after)) || !this.enabled) return;
    const keys = this.keyOf(image);
    if (!keys) return;
    const now = this.#clock.now();
    this.shard.trimBefore(now - RETENTION_MS);
    this.#count += 1n;
    const change = {
      eventName: !before ? "INSERT" : !after ? "REMOVE" : "MODIFY",
      keys,
      ...(before && { oldImage: before }),
      ...(after && { newImage: after }),
    } as const;
    this.shard.append(changeRecord(change, this, String(FIRST_SEQUENCE + this.#count), now));
  }

  disable(): void {
    this.shard.close();
  }
}
