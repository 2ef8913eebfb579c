import { InvalidScheduleExpressionError } from "../errors.js";
import { parseAtFields } from "./at-expression.js";
import { parseCronFields } from "./cron-expression.js";
import { parseRateFields } from "./rate-expression.js";
import type {
  ParseScheduleOptions,
  ScheduleExpression,
  ScheduleService,
} from "./schedule-expression.js";
import { isTimeZoneName } from "./time-zone.js";

// Both PutRule and CreateSchedule cap ScheduleExpression at 256 characters.
const MAX_LENGTH = 256;
const EXPRESSION = /^(rate|cron|at)\((.*)\)$/s;
const DEFAULT_BUS = /^(default|arn:aws[\w-]*:events:[\w-]+:\d{12}:event-bus\/default)$/;

/**
 * Validates a schedule expression as EventBridge (PutRule) or EventBridge Scheduler
 * (CreateSchedule) would, and returns it parsed. AWS's dialect (six fields with a year, `?`,
 * `L`, `W`, `#`, 1 = Sunday) is close to Quartz's but no library implements it faithfully, so
 * Domovoi carries its own parser.
 *
 * @throws InvalidScheduleExpressionError with AWS's code and message for that service.
 */
export function parseScheduleExpression(
  expression: string,
  options: ParseScheduleOptions = {},
): ScheduleExpression {
  const service = options.service ?? "events-rule";
  const schedule =
    typeof expression === "string" && expression.length <= MAX_LENGTH
      ? parseExpression(expression, service, options)
      : undefined;
  if (!schedule) throw invalidExpression(service, expression);
  if (options.service !== "scheduler" && !DEFAULT_BUS.test(options.eventBusName ?? "default")) {
    throw new InvalidScheduleExpressionError(
      "ValidationException",
      "ScheduleExpression is supported only on the default event bus.",
    );
  }
  if (schedule.kind !== "rate" && !isTimeZoneName(schedule.timezone)) {
    // CreateSchedule's message for an unknown zone is not on record; this one names the field.
    throw new InvalidScheduleExpressionError(
      "ValidationException",
      `Invalid ScheduleExpressionTimezone ${schedule.timezone}.`,
    );
  }
  return schedule;
}

function parseExpression(
  expression: string,
  service: ScheduleService,
  options: ParseScheduleOptions,
): ScheduleExpression | undefined {
  const [, kind, body = ""] = EXPRESSION.exec(expression) ?? [];
  const timezone = options.service === "scheduler" ? (options.timezone ?? "UTC") : "UTC";
  switch (kind) {
    case "rate": {
      const fields = parseRateFields(body, service);
      return fields && { kind, service, expression, ...fields, anchor: rateAnchor(options) };
    }
    case "cron": {
      const fields = parseCronFields(body);
      return fields && { kind, service, expression, ...fields, timezone };
    }
    case "at": {
      const fields = service === "scheduler" ? parseAtFields(body) : undefined;
      return fields && { kind, service: "scheduler", expression, ...fields, timezone };
    }
    default:
      return undefined;
  }
}

/** A copy of `startTime`, so that the caller changing its Date later cannot move the schedule. */
function rateAnchor({ startTime }: ParseScheduleOptions): Date {
  const anchor = startTime === undefined ? new Date() : new Date(startTime.getTime());
  if (Number.isNaN(anchor.getTime())) throw new RangeError("startTime must be a valid Date.");
  return anchor;
}

function invalidExpression(
  service: ScheduleService,
  expression: unknown,
): InvalidScheduleExpressionError {
  return new InvalidScheduleExpressionError(
    "ValidationException",
    service === "scheduler"
      ? `Invalid Schedule Expression ${String(expression)}.`
      : "Parameter ScheduleExpression is not valid.",
  );
}
