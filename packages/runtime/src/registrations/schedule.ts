import type { ScheduledEvent } from "aws-lambda";
import type { Handler } from "../context.js";
import type { ScheduleRegistration } from "../manifest.js";
import { parseScheduleExpression } from "../matching/schedule/index.js";
import type { MethodSpec } from "./arguments.js";
import { checkBoolean, checkString } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";

export interface ScheduleOptions {
  readonly name?: string;
  /** Up to 512 characters, shown on the schedule. */
  readonly description?: string;
  /** IANA time zone in which `cron()` and `at()` are read; default UTC. */
  readonly timezone?: string;
  /** A disabled schedule is deployed but does not fire; default true. */
  readonly enabled?: boolean;
}

export type ScheduleHandler = Handler<ScheduledEvent>;

export const SCHEDULED_FUNCTION: MethodSpec<ScheduleOptions> = {
  method: "scheduledFunction",
  options: ["name", "description", "timezone", "enabled"],
};

/**
 * Schedules are deployed with EventBridge Scheduler (time zones, `at()`), so the expression is
 * validated with Scheduler's rules and messages.
 */
export function scheduleRegistration(
  expression: string,
  options: Partial<ScheduleOptions>,
  handler: ScheduleHandler,
): RegistrationOf<"schedule"> {
  const where = `scheduledFunction(${JSON.stringify(expression)})`;
  const timezone = options.timezone ?? "UTC";
  parseScheduleExpression(expression, { service: "scheduler", timezone });
  const manifest: ScheduleRegistration = {
    kind: "schedule",
    name: registrationName({
      where,
      explicit: options.name,
      handler,
      kind: "schedule",
      key: expression,
    }),
    key: expression,
    options: {
      expression,
      timezone,
      ...(options.description !== undefined && {
        description: checkString(options.description, `${where} description`, 512),
      }),
      enabled: checkBoolean(options.enabled ?? true, `${where} enabled`),
    },
  };
  return { kind: "schedule", manifest, handler: handler as RegisteredHandler };
}
