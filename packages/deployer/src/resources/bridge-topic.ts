import {
  CreateTopicCommand,
  DeleteTopicCommand,
  SetTopicAttributesCommand,
} from "@aws-sdk/client-sns";
import type { JsonObject } from "@domovoi/runtime";
import { parsePolicy } from "../aws/policy-document.js";
import { lastArnPart } from "../aws/target.js";
import type { DesiredResource, ResourceState, ResourceType } from "../model/resource.js";
import { ownerTags, tagList } from "./ownership.js";
import { readTopicAttributes } from "./topic.js";

export interface BridgeTopicProperties extends JsonObject {
  /** Lets S3 publish, only for the bucket and account it serves. */
  policy: JsonObject;
}

export function bridgeTopicId(name: string): string {
  return `bridge-topic:${name}`;
}

/** The topic between a bucket and the function (S3 delivery `sns` and `sns-sqs`): Domovoi's. */
export const bridgeTopicType: ResourceType<BridgeTopicProperties> = {
  kind: "bridge-topic",

  async discover(ctx, { desired, remembered }) {
    const found: ResourceState<BridgeTopicProperties>[] = [];
    for (const arn of new Set([...desired, ...remembered].map((t) => String(t.locator.arn)))) {
      const attributes = await readTopicAttributes(ctx, arn);
      if (!attributes) continue;
      const name = lastArnPart(arn);
      found.push({
        kind: "bridge-topic",
        id: bridgeTopicId(name),
        name,
        properties: { policy: parsePolicy(attributes.Policy) ?? {} },
        locator: { arn },
      });
    }
    return found;
  },

  async create(ctx, desired) {
    const { TopicArn } = await ctx.clients.sns.send(
      new CreateTopicCommand({
        Name: desired.name,
        Attributes: { Policy: JSON.stringify(desired.properties.policy) },
        Tags: tagList(ownerTags(ctx.app, ctx.stage)),
      }),
    );
    return { arn: TopicArn ?? "" };
  },

  async update(ctx, desired, live) {
    await ctx.clients.sns.send(
      new SetTopicAttributesCommand({
        TopicArn: String(live.locator.arn),
        AttributeName: "Policy",
        AttributeValue: JSON.stringify(desired.properties.policy),
      }),
    );
    return live.locator;
  },

  async delete(ctx, live) {
    await ctx.clients.sns.send(new DeleteTopicCommand({ TopicArn: String(live.locator.arn) }));
  },
};

export function bridgeTopicResource(
  arn: string,
  policy: JsonObject,
  registration: string,
): DesiredResource<BridgeTopicProperties> {
  const name = lastArnPart(arn);
  return {
    kind: "bridge-topic",
    id: bridgeTopicId(name),
    name,
    properties: { policy },
    locator: { arn },
    dependsOn: [],
    registration,
  };
}
