import {
  AddPermissionCommand,
  GetPolicyCommand,
  RemovePermissionCommand,
} from "@aws-sdk/client-lambda";
import type { JsonObject, JsonValue } from "@domovoi/runtime";
import { unlessNotFound } from "../aws/errors.js";
import { parsePolicy, statementsOf } from "../aws/policy-document.js";
import type { DesiredResource, ResourceState, ResourceType } from "../model/resource.js";

export interface PermissionProperties extends JsonObject {
  principal: string;
  /** Every statement Domovoi adds names its source. */
  sourceArn: string;
  /** For sources whose ARN does not name an account (S3 buckets) and those AWS advises it for. */
  sourceAccount: string | null;
}

const SID_PREFIX = "domovoi-";

/** One statement per source: `domovoi-<source kind>-<registration>`, or `domovoi-alb`. */
export function permissionSid(source: string, registration?: string): string {
  return registration === undefined
    ? `${SID_PREFIX}${source}`
    : `${SID_PREFIX}${source}-${registration}`;
}

export function permissionId(sid: string): string {
  return `permission:${sid}`;
}

/**
 * Statements of the function's resource policy that let a push source invoke it. They cannot be
 * changed in place, so any change replaces the statement.
 */
export const permissionType: ResourceType<PermissionProperties> = {
  kind: "permission",
  replaceOn: ["principal", "sourceArn", "sourceAccount"],

  async discover(ctx) {
    const policy = await unlessNotFound(
      () => ctx.clients.lambda.send(new GetPolicyCommand({ FunctionName: ctx.functionName })),
      "ResourceNotFoundException",
    );
    return statementsOf(parsePolicy(policy?.Policy))
      .filter((statement) => String(statement.Sid ?? "").startsWith(SID_PREFIX))
      .map(readStatement);
  },

  async create(ctx, desired) {
    const { principal, sourceArn, sourceAccount } = desired.properties;
    await ctx.clients.lambda.send(
      new AddPermissionCommand({
        FunctionName: ctx.functionName,
        StatementId: desired.name,
        Action: "lambda:InvokeFunction",
        Principal: principal,
        SourceArn: sourceArn,
        ...(sourceAccount !== null && { SourceAccount: sourceAccount }),
      }),
    );
    return { sid: desired.name };
  },

  async update() {
    throw new Error("Permissions are replaced, never updated.");
  },

  async delete(ctx, live) {
    await unlessNotFound(
      () =>
        ctx.clients.lambda.send(
          new RemovePermissionCommand({ FunctionName: ctx.functionName, StatementId: live.name }),
        ),
      "ResourceNotFoundException",
    );
  },
};

function readStatement(statement: JsonObject): ResourceState<PermissionProperties> {
  const sid = String(statement.Sid);
  const condition = (statement.Condition ?? {}) as Record<string, Record<string, JsonValue>>;
  const principal = statement.Principal as { Service?: string } | string | undefined;
  return {
    kind: "permission",
    id: permissionId(sid),
    name: sid,
    properties: {
      principal: typeof principal === "string" ? principal : String(principal?.Service ?? ""),
      sourceArn: String(condition.ArnLike?.["AWS:SourceArn"] ?? ""),
      sourceAccount:
        condition.StringEquals?.["AWS:SourceAccount"] === undefined
          ? null
          : String(condition.StringEquals["AWS:SourceAccount"]),
    },
    locator: { sid },
  };
}

export function permissionResource(
  sid: string,
  properties: PermissionProperties,
  functionId: string,
  registration?: string,
): DesiredResource<PermissionProperties> {
  return {
    kind: "permission",
    id: permissionId(sid),
    name: sid,
    properties,
    locator: { sid },
    dependsOn: [functionId],
    ...(registration !== undefined && { registration }),
  };
}
