import type { RateSchedule, RateUnit, ScheduleService } from "./schedule-expression.js";

export type RateFields = Pick<RateSchedule, "value" | "unit" | "periodMs">;

const RATE = /^(\d+) (minute|hour|day)(s?)$/;

const UNIT_MS: Readonly<Record<RateUnit, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/**
 * Reads `value unit` inside `rate(...)`: a positive whole number, one space, a lower-case unit.
 * EventBridge rules insist on `1 minute` but `2 minutes`; the Scheduler API reference lists the
 * six unit spellings without that restriction, so Scheduler takes either form.
 */
export function parseRateFields(body: string, service: ScheduleService): RateFields | undefined {
  const match = RATE.exec(body);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = match[2] as RateUnit;
  const plural = match[3] === "s";
  if (value < 1 || !Number.isSafeInteger(value)) return undefined;
  if (service === "events-rule" && plural !== (value !== 1)) return undefined;
  return { value, unit, periodMs: value * UNIT_MS[unit] };
}
