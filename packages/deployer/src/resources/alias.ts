import {
  CreateAliasCommand,
  DeleteAliasCommand,
  paginateListAliases,
  UpdateAliasCommand,
} from "@aws-sdk/client-lambda";
import type { JsonObject } from "@domovoi/runtime";
import { unlessNotFound } from "../aws/errors.js";
import type { DesiredResource, ResourceState, ResourceType } from "../model/resource.js";

export interface AliasProperties extends JsonObject {
  functionVersion: string;
  /** `<machine>/<state>`, so that a reader of the console knows what the alias is for. */
  description: string;
}

/** Task aliases are `dv-` and a hash (the runtime's `taskAlias`); other aliases are the user's. */
const TASK_ALIAS = /^dv-[0-9a-f]{6}$/;

export function aliasId(name: string): string {
  return `alias:${name}`;
}

/** The function aliases that Step Functions tasks invoke; the dispatcher routes by them. */
export const aliasType: ResourceType<AliasProperties> = {
  kind: "alias",

  async discover(ctx) {
    const aliases: ResourceState<AliasProperties>[] = [];
    const pages = paginateListAliases(
      { client: ctx.clients.lambda },
      { FunctionName: ctx.functionName },
    );
    const read = async () => {
      for await (const page of pages) {
        for (const alias of page.Aliases ?? []) {
          if (!alias.Name || !TASK_ALIAS.test(alias.Name)) continue;
          aliases.push({
            kind: "alias",
            id: aliasId(alias.Name),
            name: alias.Name,
            properties: {
              functionVersion: alias.FunctionVersion ?? "",
              description: alias.Description ?? "",
            },
            locator: { arn: alias.AliasArn ?? "" },
          });
        }
      }
    };
    await unlessNotFound(read, "ResourceNotFoundException");
    return aliases;
  },

  async create(ctx, desired) {
    const { AliasArn } = await ctx.clients.lambda.send(
      new CreateAliasCommand({
        FunctionName: ctx.functionName,
        Name: desired.name,
        FunctionVersion: desired.properties.functionVersion,
        Description: desired.properties.description,
      }),
    );
    return { arn: AliasArn ?? "" };
  },

  async update(ctx, desired, live) {
    await ctx.clients.lambda.send(
      new UpdateAliasCommand({
        FunctionName: ctx.functionName,
        Name: desired.name,
        FunctionVersion: desired.properties.functionVersion,
        Description: desired.properties.description,
      }),
    );
    return live.locator;
  },

  async delete(ctx, live) {
    await ctx.clients.lambda.send(
      new DeleteAliasCommand({ FunctionName: ctx.functionName, Name: live.name }),
    );
  },
};

export function aliasResource(
  name: string,
  arn: string,
  description: string,
  functionId: string,
  registration: string,
): DesiredResource<AliasProperties> {
  return {
    kind: "alias",
    id: aliasId(name),
    name,
    properties: { functionVersion: "$LATEST", description },
    locator: { arn },
    dependsOn: [functionId],
    registration,
  };
}
