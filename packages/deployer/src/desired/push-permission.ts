import type { DesiredResource } from "../model/resource.js";
import { functionId } from "../resources/function.js";
import {
  type PermissionProperties,
  permissionResource,
  permissionSid,
} from "../resources/permission.js";
import type { DesiredContext } from "./desired-context.js";

/** The source kinds that push to the function, each with its service principal. */
export const PUSH_SOURCES = {
  rule: "events.amazonaws.com",
  sns: "sns.amazonaws.com",
  s3: "s3.amazonaws.com",
  logs: "logs.amazonaws.com",
  alb: "elasticloadbalancing.amazonaws.com",
  ses: "ses.amazonaws.com",
} as const;

/**
 * The statement letting one source invoke the function, always with `SourceArn`, and with
 * `SourceAccount` where the ARN does not name the account (S3 buckets) or AWS advises it (Logs,
 * SES), so that no other account's resource of the same name can invoke it.
 */
export function pushPermission(
  ctx: DesiredContext,
  source: keyof typeof PUSH_SOURCES,
  sourceArn: string,
  registration?: string,
): DesiredResource<PermissionProperties> {
  const withAccount = source === "s3" || source === "logs" || source === "ses";
  return permissionResource(
    permissionSid(source, registration),
    {
      principal: PUSH_SOURCES[source],
      sourceArn,
      sourceAccount: withAccount ? ctx.target.account : null,
    },
    functionId(ctx.project.names.functionName),
    registration,
  );
}
