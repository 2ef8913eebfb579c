import type { CronSchedule, DaySelector } from "@domovoi/runtime/matching";

/**
 * A deliberately naive reference for cron fire times: try every minute in a bounded window, read
 * its wall-clock fields, and test each field with a plain lookup. Shared by the property tests
 * and the benchmark.
 */

const MINUTE_MS = 60_000;
const DST_SHIFTS_MS = [30 * MINUTE_MS, 60 * MINUTE_MS, 120 * MINUTE_MS];

interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Sunday ... 7 = Saturday */
  dayOfWeek: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function wallFields(instant: number, timeZone: string): WallFields {
  if (timeZone === "UTC") {
    const date = new Date(instant);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      dayOfWeek: date.getUTCDay() + 1,
    };
  }
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0 } = parts;
  return {
    year,
    month,
    day,
    hour,
    minute,
    dayOfWeek: new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1,
  };
}

function lengthOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isWeekday(year: number, month: number, day: number): boolean {
  const dayOfWeek = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return dayOfWeek !== 0 && dayOfWeek !== 6;
}

function nearestWeekday(year: number, month: number, day: number): number {
  const length = lengthOfMonth(year, month);
  const dayOfWeek = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (dayOfWeek === 6) return day > 1 ? day - 1 : day + 2;
  if (dayOfWeek === 0) return day < length ? day + 1 : day - 2;
  return day;
}

function dayMatches(days: DaySelector, wall: WallFields): boolean {
  const length = lengthOfMonth(wall.year, wall.month);
  switch (days.kind) {
    case "days-of-month":
      return days.days.includes(wall.day);
    case "last-day-of-month":
      return wall.day === length - days.offset;
    case "last-weekday-of-month": {
      let last = length;
      while (!isWeekday(wall.year, wall.month, last)) last--;
      return wall.day === last;
    }
    case "nearest-weekday":
      return days.day <= length && wall.day === nearestWeekday(wall.year, wall.month, days.day);
    case "days-of-week":
      return days.days.includes(wall.dayOfWeek);
    case "last-day-of-week":
      return wall.dayOfWeek === days.dayOfWeek && wall.day + 7 > length;
    case "nth-day-of-week":
      return wall.dayOfWeek === days.dayOfWeek && Math.ceil(wall.day / 7) === days.nth;
  }
}

function sameWall(a: WallFields, b: WallFields): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute
  );
}

/** Whether the cron fires at this whole-minute instant: its wall time matches, first pass only. */
export function firesAt(cron: CronSchedule, instant: number): boolean {
  const wall = wallFields(instant, cron.timezone);
  const matches =
    cron.years.includes(wall.year) &&
    cron.months.includes(wall.month) &&
    dayMatches(cron.days, wall) &&
    cron.hours.includes(wall.hour) &&
    cron.minutes.includes(wall.minute);
  return (
    matches &&
    !DST_SHIFTS_MS.some((shift) => sameWall(wallFields(instant - shift, cron.timezone), wall))
  );
}

/**
 * The first fire strictly after (or, going back, strictly before) `from` within `windowMinutes`,
 * or undefined when the window holds none.
 */
export function bruteForceFireTime(
  cron: CronSchedule,
  from: Date,
  direction: "next" | "previous",
  windowMinutes: number,
): Date | undefined {
  const start = from.getTime();
  const step = direction === "next" ? MINUTE_MS : -MINUTE_MS;
  let instant =
    direction === "next"
      ? Math.floor(start / MINUTE_MS) * MINUTE_MS + MINUTE_MS
      : Math.ceil(start / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
  for (let i = 0; i < windowMinutes; i++, instant += step) {
    if (firesAt(cron, instant)) return new Date(instant);
  }
  return undefined;
}
