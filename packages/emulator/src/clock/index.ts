export type { Clock, Timer } from "./clock.js";
export { RealClock, type RealClockOptions } from "./real-clock.js";
export {
  type ScheduleDefinition,
  type ScheduleFireHandler,
  ScheduleRunner,
  type ScheduleRunnerOptions,
} from "./schedule-runner.js";
export { VirtualClock } from "./virtual-clock.js";
