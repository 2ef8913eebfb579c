import { DAYS_OF_MONTH, DAYS_OF_WEEK, parseCronField, parseCronValue } from "./cron-field.js";
import type { DaySelector } from "./schedule-expression.js";

const LAST_DAY_OFFSET = /^L-(\d{1,2})$/;
const NEAREST_WEEKDAY = /^(\d{1,2})W$/;
const NTH_DAY_OF_WEEK = /^([^#]+)#(\d)$/;
const SATURDAY = 7;
const SUNDAY = 1;

/** Day-of-month text other than `?`: values, `L`, `L-n`, `LW` or `nW`, each of the last alone. */
export function parseDayOfMonth(text: string): DaySelector | undefined {
  if (text === "L") return { kind: "last-day-of-month", offset: 0 };
  if (text === "LW") return { kind: "last-weekday-of-month" };
  const offset = LAST_DAY_OFFSET.exec(text)?.[1];
  if (offset !== undefined) {
    const value = Number(offset);
    return value <= 30 ? { kind: "last-day-of-month", offset: value } : undefined;
  }
  const nearest = NEAREST_WEEKDAY.exec(text)?.[1];
  if (nearest !== undefined) {
    const day = parseCronValue(nearest, DAYS_OF_MONTH);
    return day === undefined ? undefined : { kind: "nearest-weekday", day };
  }
  const days = parseCronField(text, DAYS_OF_MONTH);
  return days && { kind: "days-of-month", days };
}

/**
 * Day-of-week text other than `?`: values, `L` (Saturday, the last day of the week), `nL` or
 * `n#k`. AWS allows only one expression with `#`, so `3#1,6#3` is invalid.
 */
export function parseDayOfWeek(text: string): DaySelector | undefined {
  if (text === "L") return { kind: "last-day-of-week", dayOfWeek: SATURDAY };
  if (text.endsWith("L")) {
    const dayOfWeek = parseCronValue(text.slice(0, -1), DAYS_OF_WEEK);
    return dayOfWeek === undefined ? undefined : { kind: "last-day-of-week", dayOfWeek };
  }
  const nth = NTH_DAY_OF_WEEK.exec(text);
  if (nth) {
    const dayOfWeek = parseCronValue(nth[1] ?? "", DAYS_OF_WEEK);
    const occurrence = Number(nth[2]);
    return dayOfWeek === undefined || occurrence < 1 || occurrence > 5
      ? undefined
      : { kind: "nth-day-of-week", dayOfWeek, nth: occurrence };
  }
  const days = parseCronField(text, DAYS_OF_WEEK);
  return days && { kind: "days-of-week", days };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** AWS numbering, 1 = Sunday ... 7 = Saturday. */
function dayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/**
 * The days of one month the selector fires on, as a bit mask (bit d = day d). One mask per month
 * lets the search jump straight to the next or previous firing day.
 */
export function dayMask(selector: DaySelector, year: number, month: number): number {
  const length = daysInMonth(year, month);
  switch (selector.kind) {
    case "days-of-month":
      return maskOf(selector.days) & ((2 ** (length + 1) - 2) | 0);
    case "last-day-of-month":
      return length - selector.offset >= 1 ? 1 << (length - selector.offset) : 0;
    case "last-weekday-of-month":
      return 1 << weekdayNear(year, month, length, length);
    case "nearest-weekday":
      return selector.day <= length ? 1 << weekdayNear(year, month, selector.day, length) : 0;
    case "days-of-week":
      return daysOfWeekMask(selector.days, dayOfWeek(year, month, 1), length);
    case "last-day-of-week":
      return 1 << (length - ((dayOfWeek(year, month, length) - selector.dayOfWeek + 7) % 7));
    case "nth-day-of-week": {
      const first = 1 + ((selector.dayOfWeek - dayOfWeek(year, month, 1) + 7) % 7);
      const day = first + 7 * (selector.nth - 1);
      return day <= length ? 1 << day : 0;
    }
  }
}

/**
 * The Monday-to-Friday day nearest to `day` within the month: a Saturday moves back to Friday
 * unless it is the 1st (then Monday the 3rd), a Sunday moves on to Monday unless it is the last
 * day (then Friday).
 */
function weekdayNear(year: number, month: number, day: number, length: number): number {
  const weekday = dayOfWeek(year, month, day);
  if (weekday === SATURDAY) return day === 1 ? 3 : day - 1;
  if (weekday === SUNDAY) return day === length ? day - 2 : day + 1;
  return day;
}

function daysOfWeekMask(days: readonly number[], firstDayOfWeek: number, length: number): number {
  let mask = 0;
  for (const weekday of days) {
    for (let day = 1 + ((weekday - firstDayOfWeek + 7) % 7); day <= length; day += 7) {
      mask |= 1 << day;
    }
  }
  return mask;
}

function maskOf(days: readonly number[]): number {
  let mask = 0;
  for (const day of days) mask |= 1 << day;
  return mask;
}

/** The first day >= `from` set in `mask`, or -1. */
export function firstDayFrom(mask: number, from: number): number {
  if (from > 31) return -1;
  const candidates = mask & ~((2 ** from - 1) | 0);
  return candidates === 0 ? -1 : 31 - Math.clz32(candidates & -candidates);
}

/** The last day <= `upTo` set in `mask`, or -1. */
export function lastDayUpTo(mask: number, upTo: number): number {
  if (upTo < 1) return -1;
  const candidates = upTo >= 31 ? mask : mask & ((2 ** (upTo + 1) - 1) | 0);
  return candidates === 0 ? -1 : 31 - Math.clz32(candidates);
}
