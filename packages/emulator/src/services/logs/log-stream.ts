import { indexAfter, type StoredLogEvent } from "./stored-log-event.js";

/** A log stream and its events, kept in time order whatever order they arrived in. */
export class LogStream {
  readonly name: string;
  readonly arn: string;
  readonly creationTime: number;
  readonly #events: StoredLogEvent[] = [];
  lastIngestionTime: number | undefined;
  /** Still returned by PutLogEvents, which no longer requires it. */
  uploadSequenceToken = "1";

  constructor(name: string, arn: string, creationTime: number) {
    this.name = name;
    this.arn = arn;
    this.creationTime = creationTime;
  }

  /** Sorted by id, so by timestamp, then by arrival. */
  get events(): readonly StoredLogEvent[] {
    return this.#events;
  }

  get firstEventTimestamp(): number | undefined {
    return this.#events[0]?.timestamp;
  }

  get lastEventTimestamp(): number | undefined {
    return this.#events.at(-1)?.timestamp;
  }

  /** Adds events (each with a fresh id, so none is already here). */
  append(events: readonly StoredLogEvent[], ingestionTime: number): void {
    for (const event of events) {
      const last = this.#events.at(-1);
      if (last === undefined || last.id < event.id) this.#events.push(event);
      else this.#events.splice(indexAfter(this.#events, event.id), 0, event);
    }
    this.lastIngestionTime = ingestionTime;
    this.uploadSequenceToken = String(BigInt(this.uploadSequenceToken) + 1n);
  }
}
