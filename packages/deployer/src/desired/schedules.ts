import type { ScheduleRegistration } from "@domovoi/runtime";
import { trustPolicy } from "../aws/policy-document.js";
import { arns } from "../aws/target.js";
import { functionId } from "../resources/function.js";
import { rolePath } from "../resources/ownership.js";
import { roleId, roleResource } from "../resources/role.js";
import { scheduleResource } from "../resources/schedule.js";
import { scheduleGroupId, scheduleGroupResource } from "../resources/schedule-group.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";

/**
 * Schedules in the stage's group, invoking the function through a role that only Scheduler,
 * acting for this account, may assume, and that may only invoke this function.
 */
export function schedulesPart(ctx: DesiredContext): DesiredPart {
  const { project, target } = ctx;
  const schedules = project.manifest.registrations.filter(
    (r): r is ScheduleRegistration => r.kind === "schedule",
  );
  if (schedules.length === 0) return { resources: [] };
  const { names } = project;
  const path = rolePath(project.manifest.app, project.stage);
  const roleArn = arns.role(target, path, names.schedulerRole);
  const role = roleResource(names.schedulerRole, roleArn, {
    path,
    assumeRolePolicy: trustPolicy("scheduler.amazonaws.com", target.account),
    policies: {
      invoke: {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: ctx.functionArn },
        ],
      },
    },
  });
  const group = scheduleGroupResource(
    names.scheduleGroup,
    arns.scheduleGroup(target, names.scheduleGroup),
  );
  return {
    resources: [
      role,
      group,
      ...schedules.map((registration) => {
        const name = names.registrations[registration.name]?.schedule ?? registration.name;
        return scheduleResource(
          name,
          names.scheduleGroup,
          {
            expression: registration.options.expression,
            timezone: registration.options.timezone,
            description: registration.options.description ?? "",
            state: registration.options.enabled ? "ENABLED" : "DISABLED",
            targetArn: ctx.functionArn,
            roleArn,
            input: scheduledEventEnvelope(ctx),
          },
          [
            scheduleGroupId(names.scheduleGroup),
            roleId(names.schedulerRole),
            functionId(names.functionName),
          ],
          registration.name,
        );
      }),
    ],
  };
}

/**
 * The Scheduled Event the runtime routes by the schedule's ARN, built from Scheduler's context
 * attributes (the runtime's README documents it).
 */
export function scheduledEventEnvelope({ target }: Pick<DesiredContext, "target">): string {
  return JSON.stringify({
    version: "0",
    id: "<aws.scheduler.execution-id>",
    "detail-type": "Scheduled Event",
    source: "aws.scheduler",
    account: target.account,
    time: "<aws.scheduler.scheduled-time>",
    region: target.region,
    resources: ["<aws.scheduler.schedule-arn>"],
    detail: {},
  });
}
