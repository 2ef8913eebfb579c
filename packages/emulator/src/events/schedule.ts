import type { ScheduledEvent } from "aws-lambda";
import { createContext, type GeneratorOptions, isoSeconds } from "./context.js";
import { uuidId } from "./ids.js";
import { checkRuleName, checkScheduleName } from "./names.js";
import { ParamReader } from "./params.js";

const SCHEDULE_ORIGINS = ["scheduler", "rule"] as const;

export interface ScheduleEventParams {
  /** The schedule's (or rule's) registration name or physical name: the dispatcher routes by it. */
  readonly name: string;
  /** EventBridge Scheduler (default, what Domovoi deploys) or a classic EventBridge scheduled rule. */
  readonly via?: (typeof SCHEDULE_ORIGINS)[number];
  /** The Scheduler schedule group (default `default`). */
  readonly group?: string;
  /** The scheduled time; defaults to the event's time. */
  readonly time?: Date | string | number;
}

/**
 * The Scheduled Event envelope. For Scheduler it is the target input the deployer builds from
 * Scheduler's context attributes (`aws.scheduler.execution-id`, `.scheduled-time`,
 * `.schedule-arn`), so that the emulator and AWS deliver the same event; for a classic rule it is
 * the event EventBridge itself sends.
 */
export function generateScheduleEvent(
  params: ScheduleEventParams,
  options?: GeneratorOptions,
): ScheduledEvent<Record<string, never>> {
  const ctx = createContext("schedule", options);
  const reader = ParamReader.of("schedule", params, ["name", "via", "group", "time"]);
  const via = reader.optionalEnum("via", SCHEDULE_ORIGINS) ?? "scheduler";
  const name = reader.string("name", via === "scheduler" ? checkScheduleName : checkRuleName);
  if (via === "rule" && reader.has("group"))
    reader.fail("group", "classic rules have no schedule group");
  const group = reader.optionalString("group", checkScheduleName) ?? "default";
  const resource =
    via === "scheduler"
      ? `arn:aws:scheduler:${ctx.region}:${ctx.account}:schedule/${group}/${name}`
      : `arn:aws:events:${ctx.region}:${ctx.account}:rule/${name}`;
  return {
    version: "0",
    id: uuidId(ctx),
    "detail-type": "Scheduled Event",
    source: via === "scheduler" ? "aws.scheduler" : "aws.events",
    account: ctx.account,
    time: isoSeconds(reader.optionalTime("time") ?? ctx.time),
    region: ctx.region,
    resources: [resource],
    detail: {},
  };
}
