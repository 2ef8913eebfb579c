import type { SnsRegistration } from "@domovoi/runtime";
import { subscriptionResource } from "../resources/subscription.js";
import { topicResource } from "../resources/topic.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { pushPermission } from "./push-permission.js";
import { topicArnOf } from "./source-arns.js";

/**
 * A subscription per topic, with its filter policy. Topics named (not given by ARN) are created
 * when missing, as the original did; topics given by ARN may be another account's.
 */
export function snsPart(ctx: DesiredContext): DesiredPart {
  const registrations = ctx.project.manifest.registrations.filter(
    (r): r is SnsRegistration => r.kind === "sns",
  );
  return {
    resources: registrations.flatMap((registration) => {
      const topicArn = topicArnOf(registration, ctx.target);
      const topic =
        registration.options.topicArn === undefined
          ? [topicResource(topicArn, registration.name)]
          : [];
      const permission = pushPermission(ctx, "sns", topicArn, registration.name);
      const { filterPolicy, filterPolicyScope } = registration.options;
      const subscription = subscriptionResource(
        topicArn,
        {
          protocol: "lambda",
          endpoint: ctx.functionArn,
          filterPolicy: filterPolicy ?? null,
          filterPolicyScope: filterPolicy === undefined ? null : filterPolicyScope,
        },
        [permission.id, ...topic.map((t) => t.id)],
        registration.name,
      );
      return [...topic, permission, subscription];
    }),
  };
}
