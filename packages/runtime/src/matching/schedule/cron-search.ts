import { type CronFieldSpec, HOURS, MINUTES, MONTHS, YEARS } from "./cron-field.js";
import { dayMask, firstDayFrom, lastDayUpTo } from "./day-selector.js";
import type { CronSchedule, DaySelector } from "./schedule-expression.js";

/**
 * For each possible value of a field, the nearest allowed value at or after it and at or before
 * it, so the search jumps to the next candidate instead of trying values one by one.
 */
export class FieldTable {
  private readonly following: Int16Array;
  private readonly preceding: Int16Array;
  private readonly min: number;
  private readonly max: number;

  constructor(values: readonly number[], { min, max }: CronFieldSpec) {
    this.min = min;
    this.max = max;
    const size = max - min + 1;
    this.following = new Int16Array(size).fill(-1);
    this.preceding = new Int16Array(size).fill(-1);
    const allowed = new Set(values);
    for (let value = max, next = -1; value >= min; value--) {
      if (allowed.has(value)) next = value;
      this.following[value - min] = next;
    }
    for (let value = min, previous = -1; value <= max; value++) {
      if (allowed.has(value)) previous = value;
      this.preceding[value - min] = previous;
    }
  }

  /** The first allowed value >= `value`, or -1. */
  atOrAfter(value: number): number {
    if (value > this.max) return -1;
    return this.following[Math.max(value, this.min) - this.min]!;
  }

  /** The last allowed value <= `value`, or -1. */
  atOrBefore(value: number): number {
    if (value < this.min) return -1;
    return this.preceding[Math.min(value, this.max) - this.min]!;
  }
}

// Day masks only use bits 1-31, so bit 0 marks a month not worked out yet.
const UNKNOWN_MASK = 1;

/** The firing days of each month of the cron's years, worked out once per month on demand. */
export class DayTable {
  private readonly masks = new Int32Array((YEARS.max - YEARS.min + 1) * 12).fill(UNKNOWN_MASK);

  constructor(private readonly selector: DaySelector) {}

  /** Bit d is set when the cron fires on day d of the month (a year within 1970-2199). */
  maskOf(year: number, month: number): number {
    const index = (year - YEARS.min) * 12 + month - 1;
    let mask = this.masks[index]!;
    if (mask === UNKNOWN_MASK) {
      mask = dayMask(this.selector, year, month);
      this.masks[index] = mask;
    }
    return mask;
  }
}

/** A cron schedule prepared for searching: built once per schedule, then reused. */
export interface CronCalendar {
  readonly minutes: FieldTable;
  readonly hours: FieldTable;
  readonly months: FieldTable;
  readonly years: FieldTable;
  readonly days: DayTable;
}

export function cronCalendar(cron: CronSchedule): CronCalendar {
  return {
    minutes: new FieldTable(cron.minutes, MINUTES),
    hours: new FieldTable(cron.hours, HOURS),
    months: new FieldTable(cron.months, MONTHS),
    years: new FieldTable(cron.years, YEARS),
    days: new DayTable(cron.days),
  };
}

/** Which way a search runs through wall time. */
interface SearchDirection {
  readonly step: 1 | -1;
  readonly nearest: (table: FieldTable, value: number) => number;
  readonly nearestDay: (mask: number, day: number) => number;
  /** Month, day, hour and minute each start again from these when a larger field moves. */
  readonly restart: readonly [month: number, day: number, hour: number, minute: number];
}

const FORWARD: SearchDirection = {
  step: 1,
  nearest: (table, value) => table.atOrAfter(value),
  nearestDay: firstDayFrom,
  restart: [1, 1, 0, 0],
};

// Day 31 stands for the last day of any month: day masks have no bits for days a month lacks.
const BACKWARD: SearchDirection = {
  step: -1,
  nearest: (table, value) => table.atOrBefore(value),
  nearestDay: lastDayUpTo,
  restart: [12, 31, 23, 59],
};

/**
 * The first wall time >= `from` (wall milliseconds, a whole minute) the cron matches, or null.
 * Each field is settled from the largest down; when one has no allowed value left, the next
 * larger field moves on by one and the smaller ones restart from their minimum. A cron that
 * never fires again runs out of years after at most 230 x 12 month steps.
 */
export function nextCronWallTime(calendar: CronCalendar, from: number): number | null {
  return searchCron(calendar, from, FORWARD);
}

/** The last wall time <= `from` (a whole minute) the cron matches, or null: the mirror image. */
export function previousCronWallTime(calendar: CronCalendar, from: number): number | null {
  return searchCron(calendar, from, BACKWARD);
}

function searchCron(
  calendar: CronCalendar,
  from: number,
  { step, nearest, nearestDay, restart: [month0, day0, hour0, minute0] }: SearchDirection,
): number | null {
  const start = new Date(from);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  let day = start.getUTCDate();
  let hour = start.getUTCHours();
  let minute = start.getUTCMinutes();
  for (;;) {
    const y = nearest(calendar.years, year);
    if (y < 0) return null;
    if (y !== year) [year, month, day, hour, minute] = [y, month0, day0, hour0, minute0];
    const m = nearest(calendar.months, month);
    if (m < 0) {
      [year, month, day, hour, minute] = [year + step, month0, day0, hour0, minute0];
      continue;
    }
    if (m !== month) [month, day, hour, minute] = [m, day0, hour0, minute0];
    const d = nearestDay(calendar.days.maskOf(year, month), day);
    if (d < 0) {
      [month, day, hour, minute] = [month + step, day0, hour0, minute0];
      continue;
    }
    if (d !== day) [day, hour, minute] = [d, hour0, minute0];
    const h = nearest(calendar.hours, hour);
    if (h < 0) {
      [day, hour, minute] = [day + step, hour0, minute0];
      continue;
    }
    if (h !== hour) [hour, minute] = [h, minute0];
    const mi = nearest(calendar.minutes, minute);
    if (mi < 0) {
      [hour, minute] = [hour + step, minute0];
      continue;
    }
    return Date.UTC(year, month - 1, day, hour, mi);
  }
}
