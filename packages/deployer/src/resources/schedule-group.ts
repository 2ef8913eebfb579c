import {
  CreateScheduleGroupCommand,
  DeleteScheduleGroupCommand,
  GetScheduleGroupCommand,
} from "@aws-sdk/client-scheduler";
import { unlessNotFound } from "../aws/errors.js";
import type { DesiredResource, NoProperties, ResourceType } from "../model/resource.js";
import { ownerTags, tagList } from "./ownership.js";

export function scheduleGroupId(name: string): string {
  return `schedule-group:${name}`;
}

/** One EventBridge Scheduler group per app and stage: the ownership mark of its schedules. */
export const scheduleGroupType: ResourceType<NoProperties> = {
  kind: "schedule-group",

  async discover(ctx, { desired, remembered }) {
    const names = new Set([...desired, ...remembered].map((group) => group.name));
    const found = [];
    for (const name of names) {
      const group = await unlessNotFound(
        () => ctx.clients.scheduler.send(new GetScheduleGroupCommand({ Name: name })),
        "ResourceNotFoundException",
      );
      if (group?.State === "ACTIVE") {
        found.push({
          kind: "schedule-group" as const,
          id: scheduleGroupId(name),
          name,
          properties: {},
          locator: { arn: group.Arn ?? "" },
        });
      }
    }
    return found;
  },

  async create(ctx, desired) {
    const { ScheduleGroupArn } = await ctx.clients.scheduler.send(
      new CreateScheduleGroupCommand({
        Name: desired.name,
        Tags: tagList(ownerTags(ctx.app, ctx.stage)),
      }),
    );
    return { arn: ScheduleGroupArn ?? "" };
  },

  async update(_ctx, _desired, live) {
    return live.locator;
  },

  async delete(ctx, live) {
    await ctx.clients.scheduler.send(new DeleteScheduleGroupCommand({ Name: live.name }));
  },
};

export function scheduleGroupResource(name: string, arn: string): DesiredResource<NoProperties> {
  return {
    kind: "schedule-group",
    id: scheduleGroupId(name),
    name,
    properties: {},
    locator: { arn },
    dependsOn: [],
  };
}
