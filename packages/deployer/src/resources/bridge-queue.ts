import {
  CreateQueueCommand,
  DeleteQueueCommand,
  SetQueueAttributesCommand,
} from "@aws-sdk/client-sqs";
import type { JsonObject } from "@domovoi/runtime";
import { parsePolicy } from "../aws/policy-document.js";
import { lastArnPart } from "../aws/target.js";
import type { DesiredResource, ResourceState, ResourceType } from "../model/resource.js";
import { ownerTags } from "./ownership.js";
import { readQueue } from "./queue.js";

export interface BridgeQueueProperties extends JsonObject {
  /** Lets S3 (delivery `sqs`) or the bridge topic (`sns-sqs`) send, and nobody else. */
  policy: JsonObject;
  visibilityTimeout: string;
}

export function bridgeQueueId(name: string): string {
  return `bridge-queue:${name}`;
}

/** The queue between a bucket (or its bridge topic) and the function: Domovoi's. */
export const bridgeQueueType: ResourceType<BridgeQueueProperties> = {
  kind: "bridge-queue",

  async discover(ctx, { desired, remembered }) {
    const found: ResourceState<BridgeQueueProperties>[] = [];
    for (const arn of new Set([...desired, ...remembered].map((q) => String(q.locator.arn)))) {
      const live = await readQueue(ctx, arn, ["Policy", "VisibilityTimeout"]);
      if (!live) continue;
      const name = lastArnPart(arn);
      found.push({
        kind: "bridge-queue",
        id: bridgeQueueId(name),
        name,
        properties: {
          policy: parsePolicy(live.attributes.Policy) ?? {},
          visibilityTimeout: live.attributes.VisibilityTimeout ?? "30",
        },
        locator: { arn, url: live.url },
      });
    }
    return found;
  },

  async create(ctx, desired) {
    const { QueueUrl } = await ctx.clients.sqs.send(
      new CreateQueueCommand({
        QueueName: desired.name,
        Attributes: attributesOf(desired.properties),
        tags: ownerTags(ctx.app, ctx.stage),
      }),
    );
    return { arn: String(desired.locator.arn), url: QueueUrl ?? "" };
  },

  async update(ctx, desired, live) {
    await ctx.clients.sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: String(live.locator.url),
        Attributes: attributesOf(desired.properties),
      }),
    );
    return live.locator;
  },

  async delete(ctx, live) {
    await ctx.clients.sqs.send(new DeleteQueueCommand({ QueueUrl: String(live.locator.url) }));
  },
};

function attributesOf({ policy, visibilityTimeout }: BridgeQueueProperties) {
  return { Policy: JSON.stringify(policy), VisibilityTimeout: visibilityTimeout };
}

export function bridgeQueueResource(
  arn: string,
  properties: BridgeQueueProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<BridgeQueueProperties> {
  const name = lastArnPart(arn);
  return {
    kind: "bridge-queue",
    id: bridgeQueueId(name),
    name,
    properties,
    locator: { arn },
    dependsOn,
    registration,
  };
}
