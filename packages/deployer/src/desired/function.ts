import type { JsonObject } from "@domovoi/runtime";
import { trustPolicy } from "../aws/policy-document.js";
import { arns } from "../aws/target.js";
import { LAMBDA_HANDLER } from "../bundle/bundle-app.js";
import { functionResource } from "../resources/function.js";
import { ownerTags, rolePath } from "../resources/ownership.js";
import { roleId, roleResource } from "../resources/role.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { functionRoleStatements } from "./function-role-policy.js";

/** Stack traces in the function's logs then point into the app's TypeScript. */
const NODE_OPTIONS = "--enable-source-maps";

/** The function `<app>-<stage>` and its role: Domovoi's statements, then the user's policy. */
export function functionPart(ctx: DesiredContext): DesiredPart {
  const { project, target } = ctx;
  const { config, names, manifest } = project;
  const path = rolePath(manifest.app, project.stage);
  const roleArn = arns.role(target, path, names.functionRole);
  const role = roleResource(names.functionRole, roleArn, {
    path,
    assumeRolePolicy: trustPolicy("lambda.amazonaws.com"),
    policies: {
      domovoi: { Version: "2012-10-17", Statement: functionRoleStatements(ctx) },
      ...(project.policy && { app: project.policy as unknown as JsonObject }),
    },
  });
  const fn = functionResource(
    names.functionName,
    ctx.functionArn,
    {
      runtime: config.runtime,
      handler: LAMBDA_HANDLER,
      memorySize: config.lambdaMemorySize,
      timeout: config.lambdaTimeout,
      architecture: config.architecture,
      role: roleArn,
      description: `Domovoi app ${manifest.app}, stage ${project.stage}`,
      environment: { NODE_OPTIONS, ...config.environmentVariables },
      deadLetterTargetArn: config.deadLetterQueueTargetArn ?? null,
      reservedConcurrency: config.reservedConcurrentExecutions ?? null,
      tags: { ...config.tags, ...ownerTags(manifest.app, project.stage) },
      codeSha256: ctx.codeSha256,
    },
    roleId(names.functionRole),
  );
  return { resources: [role, fn] };
}
