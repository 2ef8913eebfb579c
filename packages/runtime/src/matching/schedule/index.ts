export { nextFireTime, nextFireTimes, previousFireTime } from "./fire-times.js";
export { parseScheduleExpression } from "./parse-schedule-expression.js";
export type {
  AtSchedule,
  CronSchedule,
  DaySelector,
  ParseScheduleOptions,
  RateSchedule,
  RateUnit,
  ScheduleExpression,
  ScheduleService,
} from "./schedule-expression.js";
