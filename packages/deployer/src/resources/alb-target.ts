import {
  DeregisterTargetsCommand,
  DescribeTargetHealthCommand,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { unlessNotFound } from "../aws/errors.js";
import type {
  DesiredResource,
  NoProperties,
  ResourceState,
  ResourceType,
} from "../model/resource.js";

export function albTargetId(targetGroupArn: string): string {
  return `alb-target:${targetGroupArn}`;
}

/**
 * The function registered in the target group named by `alb_target_group_arn`. Load balancers,
 * listeners and target groups are the user's: Domovoi does not create them.
 */
export const albTargetType: ResourceType<NoProperties> = {
  kind: "alb-target",

  async discover(ctx, { desired, remembered }) {
    const found: ResourceState<NoProperties>[] = [];
    for (const arn of new Set(
      [...desired, ...remembered].map((t) => String(t.locator.targetGroupArn)),
    )) {
      const health = await unlessNotFound(
        () => ctx.clients.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn })),
        "TargetGroupNotFoundException",
        "TargetGroupNotFound",
      );
      const registered = health?.TargetHealthDescriptions?.some(
        (description) => description.Target?.Id === ctx.functionArn,
      );
      if (registered) found.push(albTargetResource(arn, []));
    }
    return found;
  },

  async create(ctx, desired) {
    await ctx.clients.elbv2.send(
      new RegisterTargetsCommand({
        TargetGroupArn: String(desired.locator.targetGroupArn),
        Targets: [{ Id: ctx.functionArn }],
      }),
    );
    return desired.locator;
  },

  async update(_ctx, _desired, live) {
    return live.locator;
  },

  async delete(ctx, live) {
    await ctx.clients.elbv2.send(
      new DeregisterTargetsCommand({
        TargetGroupArn: String(live.locator.targetGroupArn),
        Targets: [{ Id: ctx.functionArn }],
      }),
    );
  },
};

export function albTargetResource(
  targetGroupArn: string,
  dependsOn: readonly string[],
): DesiredResource<NoProperties> {
  return {
    kind: "alb-target",
    id: albTargetId(targetGroupArn),
    name: targetGroupArn.slice(targetGroupArn.indexOf("targetgroup/") + "targetgroup/".length),
    properties: {},
    locator: { targetGroupArn },
    dependsOn,
  };
}
