import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  paginateListSchedules,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import type { JsonObject } from "@domovoi/runtime";
import { isAwsError, unlessNotFound } from "../aws/errors.js";
import { retrying } from "../aws/wait.js";
import type {
  DesiredResource,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";

export interface ScheduleProperties extends JsonObject {
  expression: string;
  timezone: string;
  description: string;
  state: "ENABLED" | "DISABLED";
  targetArn: string;
  roleArn: string;
  /** The Scheduled Event envelope the runtime routes by (its README). */
  input: string;
}

export function scheduleId(name: string): string {
  return `schedule:${name}`;
}

/** EventBridge Scheduler schedules, all in the stage's schedule group. */
export const scheduleType: ResourceType<ScheduleProperties> = {
  kind: "schedule",

  async discover(ctx, { desired, remembered }) {
    const groups = new Set([...desired, ...remembered].map((s) => String(s.locator.group)));
    const found: ResourceState<ScheduleProperties>[] = [];
    for (const group of groups) {
      const names = await unlessNotFound(
        () => scheduleNames(ctx, group),
        "ResourceNotFoundException",
      );
      for (const name of names ?? []) {
        const schedule = await readSchedule(ctx, group, name);
        if (schedule) found.push(schedule);
      }
    }
    return found;
  },

  async create(ctx, desired) {
    const { ScheduleArn } = await retrying(
      () => ctx.clients.scheduler.send(new CreateScheduleCommand(scheduleInput(desired))),
      // A role created a moment ago may not be assumable by Scheduler yet.
      (error) => isAwsError(error, "ValidationException") && /role/i.test((error as Error).message),
      { sleep: ctx.sleep },
    );
    return { ...desired.locator, arn: ScheduleArn ?? "" };
  },

  async update(ctx, desired, live) {
    await ctx.clients.scheduler.send(new UpdateScheduleCommand(scheduleInput(desired)));
    return live.locator;
  },

  async delete(ctx, live) {
    await unlessNotFound(
      () =>
        ctx.clients.scheduler.send(
          new DeleteScheduleCommand({ Name: live.name, GroupName: String(live.locator.group) }),
        ),
      "ResourceNotFoundException",
    );
  },
};

async function scheduleNames(ctx: ReadContext, group: string): Promise<string[]> {
  const names: string[] = [];
  const pages = paginateListSchedules({ client: ctx.clients.scheduler }, { GroupName: group });
  for await (const page of pages) {
    for (const schedule of page.Schedules ?? []) if (schedule.Name) names.push(schedule.Name);
  }
  return names;
}

async function readSchedule(
  ctx: ReadContext,
  group: string,
  name: string,
): Promise<ResourceState<ScheduleProperties> | undefined> {
  const schedule = await unlessNotFound(
    () => ctx.clients.scheduler.send(new GetScheduleCommand({ Name: name, GroupName: group })),
    "ResourceNotFoundException",
  );
  if (!schedule) return undefined;
  return {
    kind: "schedule",
    id: scheduleId(name),
    name,
    properties: {
      expression: schedule.ScheduleExpression ?? "",
      timezone: schedule.ScheduleExpressionTimezone ?? "UTC",
      description: schedule.Description ?? "",
      state: schedule.State === "DISABLED" ? "DISABLED" : "ENABLED",
      targetArn: schedule.Target?.Arn ?? "",
      roleArn: schedule.Target?.RoleArn ?? "",
      input: schedule.Target?.Input ?? "",
    },
    locator: { group, arn: schedule.Arn ?? "" },
  };
}

function scheduleInput({ name, locator, properties: p }: DesiredResource<ScheduleProperties>) {
  return {
    Name: name,
    GroupName: String(locator.group),
    ScheduleExpression: p.expression,
    ScheduleExpressionTimezone: p.timezone,
    Description: p.description,
    State: p.state,
    FlexibleTimeWindow: { Mode: "OFF" as const },
    Target: { Arn: p.targetArn, RoleArn: p.roleArn, Input: p.input },
  };
}

export function scheduleResource(
  name: string,
  group: string,
  properties: ScheduleProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<ScheduleProperties> {
  return {
    kind: "schedule",
    id: scheduleId(name),
    name,
    properties,
    locator: { group },
    dependsOn,
    registration,
  };
}
