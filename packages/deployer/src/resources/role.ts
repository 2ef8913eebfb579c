import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRolePolicyCommand,
  PutRolePolicyCommand,
  paginateListRolePolicies,
  paginateListRoles,
  type Role,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import type { JsonObject } from "@domovoi/runtime";
import { parsePolicy } from "../aws/policy-document.js";
import { jsonEqual } from "../model/diff.js";
import type {
  DesiredResource,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";
import { ownerTags, rolePath, tagList } from "./ownership.js";

export interface RoleProperties extends JsonObject {
  path: string;
  assumeRolePolicy: JsonObject;
  /** Inline policies by name. */
  policies: Record<string, JsonObject>;
}

export function roleId(name: string): string {
  return `role:${name}`;
}

/** IAM roles of the stage: the function's, Scheduler's and one per state machine. */
export const roleType: ResourceType<RoleProperties> = {
  kind: "role",
  replaceOn: ["path"],

  async discover(ctx) {
    const roles: ResourceState<RoleProperties>[] = [];
    const pages = paginateListRoles(
      { client: ctx.clients.iam },
      { PathPrefix: rolePath(ctx.app, ctx.stage) },
    );
    for await (const page of pages) {
      for (const role of page.Roles ?? []) roles.push(await readRole(ctx, role));
    }
    return roles;
  },

  async create(ctx, desired) {
    const { path, assumeRolePolicy, policies } = desired.properties;
    const { Role } = await ctx.clients.iam.send(
      new CreateRoleCommand({
        RoleName: desired.name,
        Path: path,
        AssumeRolePolicyDocument: JSON.stringify(assumeRolePolicy),
        Tags: tagList(ownerTags(ctx.app, ctx.stage)),
      }),
    );
    for (const [name, document] of Object.entries(policies)) {
      await putPolicy(ctx, desired.name, name, document);
    }
    return { roleName: desired.name, arn: Role?.Arn ?? "" };
  },

  async update(ctx, desired, live) {
    const { assumeRolePolicy, policies } = desired.properties;
    if (!jsonEqual(assumeRolePolicy, live.properties.assumeRolePolicy)) {
      await ctx.clients.iam.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: desired.name,
          PolicyDocument: JSON.stringify(assumeRolePolicy),
        }),
      );
    }
    for (const [name, document] of Object.entries(policies)) {
      if (!jsonEqual(document, live.properties.policies[name])) {
        await putPolicy(ctx, desired.name, name, document);
      }
    }
    for (const name of Object.keys(live.properties.policies)) {
      if (!(name in policies)) await deletePolicy(ctx, desired.name, name);
    }
    return live.locator;
  },

  async delete(ctx, live) {
    for (const name of Object.keys(live.properties.policies)) {
      await deletePolicy(ctx, live.name, name);
    }
    await ctx.clients.iam.send(new DeleteRoleCommand({ RoleName: live.name }));
  },
};

async function readRole(ctx: ReadContext, role: Role): Promise<ResourceState<RoleProperties>> {
  const name = role.RoleName ?? "";
  const policies: Record<string, JsonObject> = {};
  for await (const page of paginateListRolePolicies(
    { client: ctx.clients.iam },
    { RoleName: name },
  )) {
    for (const policyName of page.PolicyNames ?? []) {
      const { PolicyDocument } = await ctx.clients.iam.send(
        new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }),
      );
      policies[policyName] = parsePolicy(PolicyDocument) ?? {};
    }
  }
  return {
    kind: "role",
    id: roleId(name),
    name,
    properties: {
      path: role.Path ?? "/",
      assumeRolePolicy: parsePolicy(role.AssumeRolePolicyDocument) ?? {},
      policies,
    },
    locator: { roleName: name, arn: role.Arn ?? "" },
  };
}

function putPolicy(ctx: ReadContext, roleName: string, policyName: string, document: JsonObject) {
  return ctx.clients.iam.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: policyName,
      PolicyDocument: JSON.stringify(document),
    }),
  );
}

function deletePolicy(ctx: ReadContext, roleName: string, policyName: string) {
  return ctx.clients.iam.send(
    new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }),
  );
}

/** A desired role, with its ARN as the locator (the path and name fix it). */
export function roleResource(
  name: string,
  arn: string,
  properties: RoleProperties,
  registration?: string,
): DesiredResource<RoleProperties> {
  return {
    kind: "role",
    id: roleId(name),
    name,
    properties,
    locator: { roleName: name, arn },
    dependsOn: [],
    ...(registration !== undefined && { registration }),
  };
}
