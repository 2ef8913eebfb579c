import type { Clock } from "../../clock/clock.js";
import type { HistoryEvent, HistoryEventDetails, HistoryEventTypeName } from "./history-event.js";

/**
 * One thread of events: the top level of an execution, a Parallel branch or a Map iteration.
 * Each event names the lane's previous one as its `previousEventId`, as AWS chains them.
 */
export interface HistoryLane {
  last: number;
}

export type EventListener = (event: HistoryEvent) => void;

/**
 * Numbers and keeps an execution's events. Ids always advance (error messages cite them) even
 * when `keep` is false, for executions whose history nobody reads.
 */
export class HistoryRecorder {
  readonly events: HistoryEvent[] = [];
  readonly #clock: Clock;
  readonly #keep: boolean;
  readonly #listener: EventListener | undefined;
  #nextId = 1;

  constructor(clock: Clock, keep: boolean, listener?: EventListener) {
    this.#clock = clock;
    this.#keep = keep;
    this.#listener = listener;
  }

  record<K extends keyof HistoryEventDetails>(
    lane: HistoryLane,
    type: HistoryEventTypeName,
    detailsKey?: K,
    details?: HistoryEventDetails[K],
  ): number {
    const id = this.#nextId++;
    if (this.#keep || this.#listener) {
      const event: Record<string, unknown> = {
        id,
        previousEventId: lane.last,
        timestamp: new Date(this.#clock.now()),
        type,
      };
      if (detailsKey !== undefined) event[detailsKey] = details;
      if (this.#keep) this.events.push(event as HistoryEvent);
      this.#listener?.(event as HistoryEvent);
    }
    lane.last = id;
    return id;
  }
}
