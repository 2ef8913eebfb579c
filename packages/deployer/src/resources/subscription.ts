import {
  GetSubscriptionAttributesCommand,
  paginateListSubscriptionsByTopic,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
  UnsubscribeCommand,
} from "@aws-sdk/client-sns";
import type { JsonObject } from "@domovoi/runtime";
import { unlessNotFound } from "../aws/errors.js";
import { lastArnPart } from "../aws/target.js";
import type {
  DesiredResource,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";

export interface SubscriptionProperties extends JsonObject {
  protocol: "lambda" | "sqs";
  endpoint: string;
  filterPolicy: JsonObject | null;
  filterPolicyScope: string | null;
}

export function subscriptionId(topicArn: string, endpoint: string): string {
  return `subscription:${topicArn}->${endpoint}`;
}

/**
 * SNS subscriptions of the function (to the topics its handlers name, and to bridge topics) and
 * of bridge queues to bridge topics. Ownership: the endpoint is the function or a bridge queue.
 */
export const subscriptionType: ResourceType<SubscriptionProperties> = {
  kind: "subscription",
  replaceOn: ["protocol", "endpoint"],

  async discover(ctx, { desired, remembered }) {
    const known = [...desired, ...remembered];
    const endpoints = new Set([ctx.functionArn, ...known.map((s) => String(s.locator.endpoint))]);
    const found: ResourceState<SubscriptionProperties>[] = [];
    for (const topicArn of new Set(known.map((s) => String(s.locator.topicArn)))) {
      for (const subscription of await subscriptionsOf(ctx, topicArn)) {
        if (!endpoints.has(subscription.endpoint)) continue;
        found.push(await readSubscription(ctx, topicArn, subscription));
      }
    }
    return found;
  },

  async create(ctx, desired) {
    const { protocol, endpoint, filterPolicy, filterPolicyScope } = desired.properties;
    const topicArn = String(desired.locator.topicArn);
    const { SubscriptionArn } = await ctx.clients.sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: protocol,
        Endpoint: endpoint,
        ReturnSubscriptionArn: true,
        ...(filterPolicy !== null && {
          Attributes: {
            FilterPolicy: JSON.stringify(filterPolicy),
            FilterPolicyScope: filterPolicyScope ?? "MessageAttributes",
          },
        }),
      }),
    );
    return { topicArn, endpoint, subscriptionArn: SubscriptionArn ?? "" };
  },

  async update(ctx, desired, live) {
    const { filterPolicy, filterPolicyScope } = desired.properties;
    const set = (AttributeName: string, AttributeValue: string) =>
      ctx.clients.sns.send(
        new SetSubscriptionAttributesCommand({
          SubscriptionArn: String(live.locator.subscriptionArn),
          AttributeName,
          AttributeValue,
        }),
      );
    if (filterPolicy !== null && filterPolicyScope !== live.properties.filterPolicyScope) {
      await set("FilterPolicyScope", filterPolicyScope ?? "MessageAttributes");
    }
    // An empty policy removes the filter.
    await set("FilterPolicy", JSON.stringify(filterPolicy ?? {}));
    return live.locator;
  },

  async delete(ctx, live) {
    await unlessNotFound(
      () =>
        ctx.clients.sns.send(
          new UnsubscribeCommand({ SubscriptionArn: String(live.locator.subscriptionArn) }),
        ),
      "NotFoundException",
      "NotFound",
    );
  },
};

interface Listed {
  readonly arn: string;
  readonly protocol: string;
  readonly endpoint: string;
}

async function subscriptionsOf(ctx: ReadContext, topicArn: string): Promise<Listed[]> {
  const listed: Listed[] = [];
  const read = async () => {
    const pages = paginateListSubscriptionsByTopic(
      { client: ctx.clients.sns },
      { TopicArn: topicArn },
    );
    for await (const page of pages) {
      for (const s of page.Subscriptions ?? []) {
        // Lambda and SQS endpoints confirm at once; anything pending is not Domovoi's.
        if (!s.SubscriptionArn?.startsWith("arn:")) continue;
        listed.push({
          arn: s.SubscriptionArn,
          protocol: s.Protocol ?? "",
          endpoint: s.Endpoint ?? "",
        });
      }
    }
  };
  await unlessNotFound(read, "NotFoundException", "NotFound");
  return listed;
}

async function readSubscription(
  ctx: ReadContext,
  topicArn: string,
  subscription: Listed,
): Promise<ResourceState<SubscriptionProperties>> {
  const { Attributes = {} } = await ctx.clients.sns.send(
    new GetSubscriptionAttributesCommand({ SubscriptionArn: subscription.arn }),
  );
  const filterPolicy = Attributes.FilterPolicy
    ? (JSON.parse(Attributes.FilterPolicy) as JsonObject)
    : null;
  return {
    kind: "subscription",
    id: subscriptionId(topicArn, subscription.endpoint),
    name: `${lastArnPart(topicArn)} → ${lastArnPart(subscription.endpoint)}`,
    properties: {
      protocol: subscription.protocol === "sqs" ? "sqs" : "lambda",
      endpoint: subscription.endpoint,
      filterPolicy,
      filterPolicyScope: filterPolicy
        ? (Attributes.FilterPolicyScope ?? "MessageAttributes")
        : null,
    },
    locator: { topicArn, endpoint: subscription.endpoint, subscriptionArn: subscription.arn },
  };
}

export function subscriptionResource(
  topicArn: string,
  properties: SubscriptionProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<SubscriptionProperties> {
  return {
    kind: "subscription",
    id: subscriptionId(topicArn, properties.endpoint),
    name: `${lastArnPart(topicArn)} → ${lastArnPart(properties.endpoint)}`,
    properties,
    locator: { topicArn, endpoint: properties.endpoint },
    dependsOn,
    registration,
  };
}
