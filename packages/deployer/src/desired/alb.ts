import { albTargetResource } from "../resources/alb-target.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { pushPermission } from "./push-permission.js";

/**
 * The function as the target of the configured target group; every ALB handler shares it (the
 * dispatcher routes by path prefix). Domovoi does not create load balancers.
 */
export function albPart(ctx: DesiredContext): DesiredPart {
  const { manifest, config } = ctx.project;
  const targetGroupArn = config.albTargetGroupArn;
  if (targetGroupArn === undefined || !manifest.registrations.some((r) => r.kind === "alb")) {
    return { resources: [] };
  }
  const permission = pushPermission(ctx, "alb", targetGroupArn);
  return { resources: [permission, albTargetResource(targetGroupArn, [permission.id])] };
}
