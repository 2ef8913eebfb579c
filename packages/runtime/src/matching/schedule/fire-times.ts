import {
  type CronCalendar,
  cronCalendar,
  nextCronWallTime,
  previousCronWallTime,
} from "./cron-search.js";
import type {
  AtSchedule,
  CronSchedule,
  RateSchedule,
  ScheduleExpression,
} from "./schedule-expression.js";
import { type WallClock, wallClock } from "./time-zone.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_DATE_MS = 8.64e15;
// Cron years run 1970-2199 in wall time; a day's margin covers every zone offset.
const FIRST_CRON_INSTANT = Date.UTC(1969, 11, 31);
const LAST_CRON_INSTANT = Date.UTC(2200, 0, 2);

/** The first time the schedule fires strictly after `after`, or null when it never does. */
export function nextFireTime(schedule: ScheduleExpression, after: Date): Date | null {
  const from = instantOf(after);
  switch (schedule.kind) {
    case "rate":
      return toDate(nextRateFire(schedule, from));
    case "cron":
      return toDate(nextCronFire(schedule, from));
    case "at": {
      const instant = atInstant(schedule);
      return instant !== null && instant > from ? toDate(instant) : null;
    }
  }
}

/** Up to `count` successive fire times after `after`; fewer when the schedule runs out. */
export function nextFireTimes(schedule: ScheduleExpression, after: Date, count: number): Date[] {
  const times: Date[] = [];
  for (let next = nextFireTime(schedule, after); next && times.length < count; ) {
    times.push(next);
    next = nextFireTime(schedule, next);
  }
  return times;
}

/** The last time the schedule fired strictly before `before`, or null when it never did. */
export function previousFireTime(schedule: ScheduleExpression, before: Date): Date | null {
  const until = instantOf(before);
  switch (schedule.kind) {
    case "rate":
      return toDate(previousRateFire(schedule, until));
    case "cron":
      return toDate(previousCronFire(schedule, until));
    case "at": {
      const instant = atInstant(schedule);
      return instant !== null && instant < until ? toDate(instant) : null;
    }
  }
}

/**
 * A rule's rate counts from its creation and first fires one period later; a Scheduler rate
 * schedule first fires at its StartDate ("starts invoking the target immediately" without one).
 */
function firstRateIndex(rate: RateSchedule): number {
  return rate.service === "events-rule" ? 1 : 0;
}

function nextRateFire(rate: RateSchedule, after: number): number {
  const anchor = rate.anchor.getTime();
  const index = Math.floor((after - anchor) / rate.periodMs) + 1;
  return anchor + Math.max(index, firstRateIndex(rate)) * rate.periodMs;
}

function previousRateFire(rate: RateSchedule, before: number): number | null {
  const anchor = rate.anchor.getTime();
  const index = Math.ceil((before - anchor) / rate.periodMs) - 1;
  return index < firstRateIndex(rate) ? null : anchor + index * rate.periodMs;
}

interface PreparedCron {
  readonly calendar: CronCalendar;
  readonly clock: WallClock;
}

// Schedules stay plain data; their search tables are built on first use, once per schedule.
const preparedCrons = new WeakMap<CronSchedule, PreparedCron>();

function prepare(cron: CronSchedule): PreparedCron {
  let prepared = preparedCrons.get(cron);
  if (!prepared) {
    prepared = { calendar: cronCalendar(cron), clock: wallClock(cron.timezone) };
    preparedCrons.set(cron, prepared);
  }
  return prepared;
}

/**
 * Searches wall times, then maps each match to the instant it runs at: none for a time skipped
 * in spring, the first pass for a time repeated in autumn. Matches that map to `after` or
 * earlier (the repeated hour's second pass) are stepped over.
 */
function nextCronFire(cron: CronSchedule, after: number): number | null {
  if (after >= LAST_CRON_INSTANT) return null;
  // Nothing fires before 1970, so an earlier start changes nothing and keeps dates in range.
  const from = Math.max(after, FIRST_CRON_INSTANT);
  const { calendar, clock } = prepare(cron);
  let wall = Math.floor((from + clock.offsetAt(from)) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  for (;;) {
    const match = nextCronWallTime(calendar, wall);
    if (match === null) return null;
    const instant = clock.firstInstantAt(match);
    if (instant !== null && instant > after) return instant;
    wall = match + MINUTE_MS;
  }
}

function previousCronFire(cron: CronSchedule, before: number): number | null {
  if (before <= FIRST_CRON_INSTANT) return null;
  const until = Math.min(before, LAST_CRON_INSTANT);
  const { calendar, clock } = prepare(cron);
  // Inside the hour repeated in autumn, the times that ran during its first pass show later
  // wall times than `before` does, so the search starts from the larger offset of the last day.
  const offset = Math.max(clock.offsetAt(until), clock.offsetAt(until - DAY_MS));
  let wall = Math.ceil((until + offset) / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
  for (;;) {
    const match = previousCronWallTime(calendar, wall);
    if (match === null) return null;
    const instant = clock.firstInstantAt(match);
    if (instant !== null && instant < before) return instant;
    wall = match - MINUTE_MS;
  }
}

function atInstant(at: AtSchedule): number | null {
  const wall = Date.UTC(at.year, at.month - 1, at.day, at.hour, at.minute, at.second);
  return wallClock(at.timezone).firstInstantAt(wall);
}

function instantOf(date: Date): number {
  const instant = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(instant)) throw new RangeError("Expected a valid Date.");
  return instant;
}

function toDate(instant: number | null): Date | null {
  return instant === null || Math.abs(instant) > MAX_DATE_MS ? null : new Date(instant);
}
