import { type Clock, checkDelay, sleepOn, type Timer } from "./clock.js";

// Node's timers hold at most 2^31 - 1 ms (about 24.8 days); longer delays are waited in legs.
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface RealClockOptions {
  /** How many clock milliseconds pass per real millisecond (`--speed N`). Default 1. */
  speed?: number;
  /** The clock's time when it is created. Default: the real time. */
  start?: Date | number;
}

/** Real time, optionally running `speed` times faster from the moment the clock is created. */
export class RealClock implements Clock {
  readonly speed: number;
  readonly #realOrigin = Date.now();
  readonly #origin: number;

  constructor({ speed = 1, start }: RealClockOptions = {}) {
    if (typeof speed !== "number" || !Number.isFinite(speed) || speed <= 0) {
      throw new RangeError(`Expected a positive speed, got ${String(speed)}.`);
    }
    this.speed = speed;
    this.#origin = start === undefined ? this.#realOrigin : Number(start);
    if (!Number.isFinite(this.#origin)) throw new RangeError("Expected a valid start time.");
  }

  now(): number {
    return this.#origin + (Date.now() - this.#realOrigin) * this.speed;
  }

  setTimeout(callback: () => void, delayMs: number): Timer {
    const due = this.now() + checkDelay(delayMs);
    let handle: NodeJS.Timeout | undefined;
    // Each leg re-reads the clock, so a late wake-up never makes the timer fire early.
    const wait = () => {
      const remaining = due - this.now();
      if (remaining <= 0) {
        callback();
        return;
      }
      handle = setTimeout(wait, Math.min(Math.ceil(remaining / this.speed), MAX_TIMER_MS));
    };
    handle = setTimeout(wait, Math.min(Math.ceil(delayMs / this.speed), MAX_TIMER_MS));
    return { cancel: () => clearTimeout(handle) };
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, delayMs, signal);
  }
}
