import type { SesRegistration } from "@domovoi/runtime";
import { arns } from "../aws/target.js";
import { sesRuleResource } from "../resources/ses-rule.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { pushPermission } from "./push-permission.js";

/** A receipt rule per email handler, in the configured rule set, invoking the function. */
export function sesPart(ctx: DesiredContext): DesiredPart {
  const ruleSet = ctx.project.config.sesRuleSetName;
  const registrations = ctx.project.manifest.registrations.filter(
    (r): r is SesRegistration => r.kind === "ses",
  );
  if (ruleSet === undefined) return { resources: [] };
  return {
    resources: registrations.flatMap((registration) => {
      const name =
        ctx.project.names.registrations[registration.name]?.receiptRule ?? registration.name;
      const permission = pushPermission(
        ctx,
        "ses",
        arns.receiptRule(ctx.target, ruleSet, name),
        registration.name,
      );
      const rule = sesRuleResource(
        name,
        ruleSet,
        {
          recipients: [...registration.options.recipients],
          enabled: true,
          functionArn: ctx.functionArn,
        },
        [permission.id],
        registration.name,
      );
      return [permission, rule];
    }),
  };
}
