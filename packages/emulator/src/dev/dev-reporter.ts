import type { ReloadedEvent, ReloadFailedEvent } from "../host/function-host.js";
import type { LogLine } from "../host/log-line.js";
import type { DeadLetteredEvent } from "../services/lambda/index.js";
import type { DevSchedule } from "./dev-schedules.js";

/** What a running dev server tells the developer about, as it happens. */
export interface DevReporter {
  /** Every log line of the function, as CloudWatch would show it. */
  log(line: LogLine): void;
  /** New code serves (after a hot reload); `schedules` lists them when the reload changed them. */
  reloaded(event: ReloadedEvent, schedules: readonly DevSchedule[]): void;
  /** New code did not load; the last good code keeps serving. */
  reloadFailed(event: ReloadFailedEvent): void;
  /** A schedule could not be delivered to the function. */
  scheduleFailed(name: string, error: unknown): void;
  /** An asynchronous event failed every attempt. */
  deadLettered(event: DeadLetteredEvent): void;
  /** Something the developer should know that is no failure of the function. */
  warning(message: string): void;
  /** A debugger can attach at this URL. */
  inspector(url: string): void;
}

/** Reports nothing: for servers run by other commands and by tests. */
export const SILENT_REPORTER: DevReporter = {
  log: () => undefined,
  reloaded: () => undefined,
  reloadFailed: () => undefined,
  scheduleFailed: () => undefined,
  deadLettered: () => undefined,
  warning: () => undefined,
  inspector: () => undefined,
};
