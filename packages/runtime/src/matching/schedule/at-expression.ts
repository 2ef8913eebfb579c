import type { AtSchedule } from "./schedule-expression.js";

export type AtFields = Pick<AtSchedule, "year" | "month" | "day" | "hour" | "minute" | "second">;

// No zone designator and no fractions: the time is read in ScheduleExpressionTimezone.
const AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** Reads `yyyy-mm-ddThh:mm:ss` inside `at(...)`; a time in the past is accepted, as AWS does. */
export function parseAtFields(body: string): AtFields | undefined {
  const match = AT.exec(body);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2023-02-30 over into March; reading the fields back catches it.
  const exists =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return exists ? { year, month, day, hour, minute, second } : undefined;
}
