import type { Clock } from "../../clock/clock.js";
import { ChangeSignal } from "../streams/change-signal.js";
import type { StreamSource } from "../streams/stream-source.js";
import { streamExists, streamNotFound } from "./kinesis-errors.js";
import type { KinesisRecord } from "./kinesis-shard.js";
import { KinesisStream, type StreamMode } from "./kinesis-stream.js";

export interface KinesisBackendOptions {
  /** The clock of arrival times, retention and iterator expiry. */
  readonly clock: Clock;
}

/** On-demand streams start with four shards, as Kinesis gives them. */
const ON_DEMAND_SHARDS = 4;

/**
 * The emulated Kinesis of one emulator: data streams by region and name. The protocol adapter
 * and the event source mappings of `kinesisStreamHandler` registrations share it.
 */
export class KinesisBackend {
  readonly clock: Clock;
  readonly #regions = new Map<string, Map<string, KinesisStream>>();
  readonly #changes = new Map<string, ChangeSignal>();

  constructor({ clock }: KinesisBackendOptions) {
    this.clock = clock;
  }

  createStream(
    region: string,
    name: string,
    shardCount?: number,
    mode: StreamMode = "PROVISIONED",
  ): KinesisStream {
    const streams = this.#streams(region);
    if (streams.has(name)) throw streamExists(name);
    const stream = new KinesisStream({
      name,
      region,
      shardCount: mode === "ON_DEMAND" ? (shardCount ?? ON_DEMAND_SHARDS) : (shardCount ?? 1),
      mode,
      clock: this.clock,
    });
    streams.set(name, stream);
    this.#changed(region, name);
    return stream;
  }

  deleteStream(stream: KinesisStream): void {
    this.#streams(stream.region).delete(stream.name);
    stream.close();
    this.#changed(stream.region, stream.name);
  }

  getStream(region: string, name: string): KinesisStream {
    const stream = this.findStream(region, name);
    if (!stream) throw streamNotFound(name);
    return stream;
  }

  findStream(region: string, name: string): KinesisStream | undefined {
    return this.#regions.get(region)?.get(name);
  }

  listStreams(region: string): KinesisStream[] {
    return [...this.#streams(region).values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The stream named `name` as event source mappings read it, through deletes and re-creations. */
  source(region: string, name: string): StreamSource<KinesisRecord> {
    return {
      current: () => this.findStream(region, name),
      changes: this.#signal(region, name),
    };
  }

  #streams(region: string): Map<string, KinesisStream> {
    let streams = this.#regions.get(region);
    if (!streams) {
      streams = new Map();
      this.#regions.set(region, streams);
    }
    return streams;
  }

  #signal(region: string, name: string): ChangeSignal {
    const key = `${region}/${name}`;
    let signal = this.#changes.get(key);
    if (!signal) {
      signal = new ChangeSignal();
      this.#changes.set(key, signal);
    }
    return signal;
  }

  #changed(region: string, name: string): void {
    this.#signal(region, name).notify();
  }
}
