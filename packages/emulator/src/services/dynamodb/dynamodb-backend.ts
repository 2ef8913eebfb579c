import type { Clock } from "../../clock/clock.js";
import type { StreamViewType } from "../../events/dynamodb.js";
import { ChangeSignal } from "../streams/change-signal.js";
import type { StreamSource } from "../streams/stream-source.js";
import { DynaliteEngine } from "./dynalite-engine.js";
import { KeyedLock } from "./keyed-lock.js";
import type { DynamoDbChangeRecord } from "./stream-record.js";
import { type KeySchemaElement, TableStream } from "./table-stream.js";

export interface DynamoDbBackendOptions {
  /** The clock of stream records: their times, retention and the mappings' delays. */
  readonly clock: Clock;
}

/**
 * The emulated DynamoDB of one emulator: one dynalite engine per region for the data, and the
 * streams Domovoi keeps beside it. The protocol adapter and the event source mappings of
 * `dynamodbStreamHandler` registrations share it.
 */
export class DynamoDbBackend {
  readonly clock: Clock;
  readonly locks = new KeyedLock();
  readonly #engines = new Map<string, DynaliteEngine>();
  /** The latest stream of each table, enabled or not (DescribeTable shows it either way). */
  readonly #latest = new Map<string, TableStream>();
  readonly #streams: TableStream[] = [];
  readonly #changes = new Map<string, ChangeSignal>();

  constructor({ clock }: DynamoDbBackendOptions) {
    this.clock = clock;
  }

  engine(region: string): DynaliteEngine {
    let engine = this.#engines.get(region);
    if (!engine) {
      engine = new DynaliteEngine();
      this.#engines.set(region, engine);
    }
    return engine;
  }

  latestStream(region: string, table: string): TableStream | undefined {
    return this.#latest.get(tableKey(region, table));
  }

  /** The table's stream while it is enabled. */
  enabledStream(region: string, table: string): TableStream | undefined {
    const stream = this.latestStream(region, table);
    return stream?.enabled ? stream : undefined;
  }

  enableStream(
    region: string,
    table: string,
    viewType: StreamViewType,
    keySchema: readonly KeySchemaElement[],
  ): TableStream {
    this.disableStream(region, table);
    const stream = new TableStream({
      tableName: table,
      region,
      viewType,
      keySchema,
      clock: this.clock,
    });
    this.#latest.set(tableKey(region, table), stream);
    this.#streams.push(stream);
    this.#signal(region, table).notify();
    return stream;
  }

  disableStream(region: string, table: string): void {
    const stream = this.enabledStream(region, table);
    if (!stream) return;
    stream.disable();
    this.#signal(region, table).notify();
  }

  /** A deleted table leaves its streams readable, but a new table of its name starts afresh. */
  forgetTable(region: string, table: string): void {
    this.disableStream(region, table);
    this.#latest.delete(tableKey(region, table));
  }

  /** Every stream of the region, newest last, for the DynamoDB Streams API. */
  streams(region: string): TableStream[] {
    return this.#streams.filter((stream) => stream.region === region);
  }

  streamByArn(arn: string): TableStream | undefined {
    return this.#streams.find((stream) => stream.arn === arn);
  }

  /** The stream of table `table` as event source mappings read it, across re-enablings. */
  source(region: string, table: string): StreamSource<DynamoDbChangeRecord> {
    return {
      current: () => this.enabledStream(region, table),
      changes: this.#signal(region, table),
    };
  }

  #signal(region: string, table: string): ChangeSignal {
    const key = tableKey(region, table);
    let signal = this.#changes.get(key);
    if (!signal) {
      signal = new ChangeSignal();
      this.#changes.set(key, signal);
    }
    return signal;
  }
}

export const tableKey = (region: string, table: string) => `${region}/${table}`;
