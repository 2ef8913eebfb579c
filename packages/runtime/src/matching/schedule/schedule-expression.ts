/**
 * The two AWS services that take schedule expressions. They share the cron dialect but differ in
 * what else they accept (`at()`, time zones, singular/plural rate units) and in their error
 * messages.
 */
export type ScheduleService = "events-rule" | "scheduler";

export type ParseScheduleOptions =
  | {
      readonly service?: "events-rule";
      /** The rule's event bus; schedules are only allowed on the default bus. */
      readonly eventBusName?: string;
      /** When the rule was created; a rate rule fires one period after it. Defaults to now. */
      readonly startTime?: Date;
    }
  | {
      readonly service: "scheduler";
      /** `ScheduleExpressionTimezone`, an IANA name; cron and at() are read in it. Default UTC. */
      readonly timezone?: string;
      /** The schedule's `StartDate`; a rate schedule fires at it and then every period. Defaults to now. */
      readonly startTime?: Date;
    };

export type RateUnit = "minute" | "hour" | "day";

export interface RateSchedule {
  readonly kind: "rate";
  readonly service: ScheduleService;
  readonly expression: string;
  readonly value: number;
  readonly unit: RateUnit;
  readonly periodMs: number;
  /**
   * Where the fixed-rate grid starts: the rule's creation time or the schedule's StartDate.
   * Rates count elapsed time, so they ignore time zones and daylight saving time.
   */
  readonly anchor: Date;
}

/**
 * Which days of a month a cron expression fires on. AWS requires `?` in exactly one of the
 * day-of-month and day-of-week fields, so a cron has exactly one selector, from either field.
 * Days of the week are numbered as AWS numbers them: 1 = Sunday ... 7 = Saturday.
 */
export type DaySelector =
  | { readonly kind: "days-of-month"; readonly days: readonly number[] }
  /** `L` (offset 0) or `L-n`: the last day of the month, or n days before it. */
  | { readonly kind: "last-day-of-month"; readonly offset: number }
  /** `LW`: the last Monday-to-Friday day of the month. */
  | { readonly kind: "last-weekday-of-month" }
  /** `nW`: the Monday-to-Friday day nearest to day n, without leaving the month. */
  | { readonly kind: "nearest-weekday"; readonly day: number }
  | { readonly kind: "days-of-week"; readonly days: readonly number[] }
  /** `nL` (or `L`, Saturday): the last such day of the week in the month. */
  | { readonly kind: "last-day-of-week"; readonly dayOfWeek: number }
  /** `n#k`: the k-th such day of the week in the month. */
  | { readonly kind: "nth-day-of-week"; readonly dayOfWeek: number; readonly nth: number };

export interface CronSchedule {
  readonly kind: "cron";
  readonly service: ScheduleService;
  readonly expression: string;
  /** Sorted allowed values of each field. */
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly days: DaySelector;
  readonly months: readonly number[];
  readonly years: readonly number[];
  /** IANA zone the fields are read in; always `UTC` for EventBridge rules. */
  readonly timezone: string;
}

/** A one-time Scheduler schedule, a wall-clock time in `timezone`. */
export interface AtSchedule {
  readonly kind: "at";
  readonly service: "scheduler";
  readonly expression: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly timezone: string;
}

export type ScheduleExpression = RateSchedule | CronSchedule | AtSchedule;
