import type { EventRuleRegistration } from "@domovoi/runtime";
import { arns } from "../aws/target.js";
import { eventRuleResource, RULE_INPUT_TEMPLATE } from "../resources/event-rule.js";
import { functionId } from "../resources/function.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { pushPermission } from "./push-permission.js";

/** A rule per event pattern, on its bus, wrapping events in the runtime's envelope. */
export function eventRulesPart(ctx: DesiredContext): DesiredPart {
  const rules = ctx.project.manifest.registrations.filter(
    (r): r is EventRuleRegistration => r.kind === "eventbridge",
  );
  return {
    resources: rules.flatMap((registration) =>
      ruleResources(
        ctx,
        registration.name,
        registration.options.eventBusName,
        registration.options.eventPattern,
      ),
    ),
  };
}

/** A rule targeting the function, and the permission that lets the rule invoke it. */
export function ruleResources(
  ctx: DesiredContext,
  registration: string,
  bus: string,
  eventPattern: EventRuleRegistration["options"]["eventPattern"],
) {
  const name = ctx.project.names.registrations[registration]?.rule ?? registration;
  const arn = arns.rule(ctx.target, bus, name);
  const permission = pushPermission(ctx, "rule", arn, registration);
  const rule = eventRuleResource(
    name,
    bus,
    arn,
    {
      eventPattern,
      state: "ENABLED",
      targetArn: ctx.functionArn,
      inputTemplate: RULE_INPUT_TEMPLATE,
    },
    [functionId(ctx.project.names.functionName), permission.id],
    registration,
  );
  return [permission, rule];
}
