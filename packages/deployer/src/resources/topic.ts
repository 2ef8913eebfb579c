import { CreateTopicCommand, GetTopicAttributesCommand } from "@aws-sdk/client-sns";
import { unlessNotFound } from "../aws/errors.js";
import { lastArnPart } from "../aws/target.js";
import type {
  DesiredResource,
  NoProperties,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";

export function topicId(arn: string): string {
  return `topic:${arn}`;
}

/** A topic's attributes, or `undefined` when it does not exist. */
export function readTopicAttributes(ctx: ReadContext, arn: string) {
  return unlessNotFound(
    async () =>
      (await ctx.clients.sns.send(new GetTopicAttributesCommand({ TopicArn: arn }))).Attributes ??
      {},
    "NotFoundException",
    "NotFound",
  );
}

/**
 * A topic a handler subscribes to. Like the original, Domovoi creates it when it is missing, and
 * never deletes it: topics belong to whoever publishes to them.
 */
export const topicType: ResourceType<NoProperties> = {
  kind: "topic",
  retain: true,

  async discover(ctx, { desired }) {
    const found: ResourceState<NoProperties>[] = [];
    for (const topic of desired) {
      if (await readTopicAttributes(ctx, String(topic.locator.arn))) found.push(topic);
    }
    return found;
  },

  async create(ctx, desired) {
    const name = lastArnPart(String(desired.locator.arn));
    const { TopicArn } = await ctx.clients.sns.send(
      new CreateTopicCommand({
        Name: name,
        ...(name.endsWith(".fifo") && { Attributes: { FifoTopic: "true" } }),
      }),
    );
    return { arn: TopicArn ?? "" };
  },

  async update(_ctx, _desired, live) {
    return live.locator;
  },

  async delete() {
    // Retained: prune never deletes a user's topic.
  },
};

export function topicResource(arn: string, registration: string): DesiredResource<NoProperties> {
  return {
    kind: "topic",
    id: topicId(arn),
    name: lastArnPart(arn),
    properties: {},
    locator: { arn },
    dependsOn: [],
    registration,
  };
}
