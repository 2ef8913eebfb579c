import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  UpdateStateMachineCommand,
} from "@aws-sdk/client-sfn";
import type { JsonObject } from "@domovoi/runtime";
import { isAwsError, unlessNotFound } from "../aws/errors.js";
import { lastArnPart } from "../aws/target.js";
import { retrying } from "../aws/wait.js";
import type { DesiredResource, ResourceState, ResourceType } from "../model/resource.js";
import { ownerTags } from "./ownership.js";

export interface StateMachineProperties extends JsonObject {
  type: string;
  /** With every task of the app pointed at its alias. */
  definition: JsonObject;
  role: string;
}

export function stateMachineId(name: string): string {
  return `state-machine:${name}`;
}

/** The app's state machines; a type change replaces the machine, as AWS cannot change it. */
export const stateMachineType: ResourceType<StateMachineProperties> = {
  kind: "state-machine",
  replaceOn: ["type"],

  async discover(ctx, { desired, remembered }) {
    const found: ResourceState<StateMachineProperties>[] = [];
    for (const arn of new Set([...desired, ...remembered].map((m) => String(m.locator.arn)))) {
      const machine = await unlessNotFound(
        () => ctx.clients.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn })),
        "StateMachineDoesNotExist",
      );
      if (!machine || machine.status === "DELETING") continue;
      const name = machine.name ?? lastArnPart(arn);
      found.push({
        kind: "state-machine",
        id: stateMachineId(name),
        name,
        properties: {
          type: machine.type ?? "STANDARD",
          definition: JSON.parse(machine.definition ?? "{}") as JsonObject,
          role: machine.roleArn ?? "",
        },
        locator: { arn },
      });
    }
    return found;
  },

  async create(ctx, desired) {
    const { type, definition, role } = desired.properties;
    const { stateMachineArn } = await retrying(
      () =>
        ctx.clients.sfn.send(
          new CreateStateMachineCommand({
            name: desired.name,
            type: type as "STANDARD",
            definition: JSON.stringify(definition),
            roleArn: role,
            tags: Object.entries(ownerTags(ctx.app, ctx.stage)).map(([key, value]) => ({
              key,
              value,
            })),
          }),
        ),
      // A role created a moment ago may not be assumable by Step Functions yet.
      (error) => isAwsError(error, "AccessDeniedException"),
      { sleep: ctx.sleep },
    );
    return { arn: stateMachineArn ?? String(desired.locator.arn) };
  },

  async update(ctx, desired, live) {
    await ctx.clients.sfn.send(
      new UpdateStateMachineCommand({
        stateMachineArn: String(live.locator.arn),
        definition: JSON.stringify(desired.properties.definition),
        roleArn: desired.properties.role,
      }),
    );
    return live.locator;
  },

  async delete(ctx, live) {
    await ctx.clients.sfn.send(
      new DeleteStateMachineCommand({ stateMachineArn: String(live.locator.arn) }),
    );
  },
};

export function stateMachineResource(
  name: string,
  arn: string,
  properties: StateMachineProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<StateMachineProperties> {
  return {
    kind: "state-machine",
    id: stateMachineId(name),
    name,
    properties,
    locator: { arn },
    dependsOn,
    registration,
  };
}
