import { HOURS, MINUTES, MONTHS, parseCronField, YEARS } from "./cron-field.js";
import { parseDayOfMonth, parseDayOfWeek } from "./day-selector.js";
import type { CronSchedule } from "./schedule-expression.js";

export type CronFields = Pick<CronSchedule, "minutes" | "hours" | "days" | "months" | "years">;

const FIELD_SEPARATOR = /[ \t]+/;

/**
 * Reads the six fields inside `cron(...)`: `minutes hours day-of-month month day-of-week year`.
 * Names and the letters L, W are case-insensitive (AWS accepts `mon-fri`). Undefined when AWS
 * would reject the fields.
 */
export function parseCronFields(body: string): CronFields | undefined {
  if (body !== body.trim()) return undefined;
  const fields = body.toUpperCase().split(FIELD_SEPARATOR);
  if (fields.length !== 6) return undefined;
  const [minuteText, hourText, dayOfMonthText, monthText, dayOfWeekText, yearText] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  // Exactly one of the two day fields is `?`: the other one decides the days.
  if ((dayOfMonthText === "?") === (dayOfWeekText === "?")) return undefined;
  const days =
    dayOfWeekText === "?" ? parseDayOfMonth(dayOfMonthText) : parseDayOfWeek(dayOfWeekText);
  const minutes = parseCronField(minuteText, MINUTES);
  const hours = parseCronField(hourText, HOURS);
  const months = parseCronField(monthText, MONTHS);
  const years = parseCronField(yearText, YEARS);
  if (!days || !minutes || !hours || !months || !years) return undefined;
  return { minutes, hours, days, months, years };
}
