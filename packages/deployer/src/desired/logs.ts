import type { LogsRegistration } from "@domovoi/runtime";
import { arns } from "../aws/target.js";
import { logsFilterResource } from "../resources/logs-filter.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { pushPermission } from "./push-permission.js";

/** A subscription filter per log group, delivering to the function. */
export function logsPart(ctx: DesiredContext): DesiredPart {
  const registrations = ctx.project.manifest.registrations.filter(
    (r): r is LogsRegistration => r.kind === "logs",
  );
  return {
    resources: registrations.flatMap((registration) => {
      const logGroup = registration.key;
      const permission = pushPermission(
        ctx,
        "logs",
        arns.logGroup(ctx.target, logGroup),
        registration.name,
      );
      const name =
        ctx.project.names.registrations[registration.name]?.subscriptionFilter ?? registration.name;
      const filter = logsFilterResource(
        name,
        logGroup,
        { filterPattern: registration.options.filterPattern, destinationArn: ctx.functionArn },
        [permission.id],
        registration.name,
      );
      return [permission, filter];
    }),
  };
}
