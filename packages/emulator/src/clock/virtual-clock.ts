import { setImmediate as nextMacrotask } from "node:timers/promises";
import { type Clock, checkDelay, sleepOn, type Timer } from "./clock.js";

interface PendingTimer {
  readonly due: number;
  /** Creation order, so that timers due at the same time run in the order they were set. */
  readonly sequence: number;
  readonly callback: () => void;
}

/**
 * A clock that stands still until a test moves it. `advance` and `advanceTo` run every timer due
 * in the interval in time order (timers set by those timers included), letting promise chains
 * settle before each one, so code awaiting `sleep` resumes before the next timer runs.
 */
export class VirtualClock implements Clock {
  #now: number;
  #timers: PendingTimer[] = [];
  #sequence = 0;
  #advancing = false;

  constructor(start: Date | number = Date.now()) {
    this.#now = Number(start);
    if (!Number.isFinite(this.#now)) throw new RangeError("Expected a valid start time.");
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): Timer {
    const timer = { due: this.#now + checkDelay(delayMs), sequence: this.#sequence++, callback };
    this.#timers.splice(this.#insertionIndex(timer), 0, timer);
    return {
      cancel: () => {
        const index = this.#timers.indexOf(timer);
        if (index !== -1) this.#timers.splice(index, 1);
      },
    };
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, delayMs, signal);
  }

  /** How many timers are waiting. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** When the earliest waiting timer is due, or undefined when none waits. */
  nextTimerAt(): number | undefined {
    return this.#timers[0]?.due;
  }

  /** Moves the clock `ms` forward, running the timers due on the way. */
  advance(ms: number): Promise<void> {
    return this.advanceTo(this.#now + checkDelay(ms));
  }

  /** Moves the clock forward to `time`, running the timers due on the way. */
  async advanceTo(time: Date | number): Promise<void> {
    const target = Number(time);
    if (!Number.isFinite(target) || target < this.#now) {
      throw new RangeError(`Cannot move a virtual clock back or to an invalid time (${time}).`);
    }
    if (this.#advancing) throw new Error("The virtual clock is already being advanced.");
    this.#advancing = true;
    try {
      await nextMacrotask();
      for (let timer = this.#timers[0]; timer && timer.due <= target; timer = this.#timers[0]) {
        this.#timers.shift();
        this.#now = timer.due;
        timer.callback();
        await nextMacrotask();
      }
      this.#now = target;
    } finally {
      this.#advancing = false;
    }
  }

  #insertionIndex(timer: PendingTimer): number {
    let low = 0;
    let high = this.#timers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.#timers[middle]!;
      if (other.due < timer.due || (other.due === timer.due && other.sequence < timer.sequence)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
