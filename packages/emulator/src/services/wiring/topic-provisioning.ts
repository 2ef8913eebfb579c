import type { SnsRegistration } from "@domovoi/runtime";
import type { SnsTopic } from "../sns/index.js";
import type { ProvisionContext, Provisioned, Provisioner } from "./provision-context.js";
import { resourceRegion } from "./resource-region.js";

/** The topic (CreateTopic returns an existing one as it is). */
export function ensureTopic(context: ProvisionContext, region: string, name: string): SnsTopic {
  const fifo = name.endsWith(".fifo");
  return context.backends.sns.createTopic(region, name, fifo ? { FifoTopic: "true" } : {});
}

/** A subscription of `protocol` to the topic, ended when the registration stops. */
export function subscribe(
  context: ProvisionContext,
  topic: SnsTopic,
  protocol: "lambda" | "sqs",
  endpoint: string,
  attributes: Readonly<Record<string, string>> = {},
): Provisioned {
  const { sns } = context.backends;
  const subscription = sns.subscribe(topic, protocol, endpoint, attributes);
  return { stop: async () => sns.unsubscribe(subscription) };
}

/** An `snsTopicSubscriber`: its topic and the function's subscription, with the filter policy. */
export const provisionTopicSubscriber: Provisioner<SnsRegistration> = (registration, context) => {
  const { topicArn, filterPolicy, filterPolicyScope } = registration.options;
  const topic = ensureTopic(context, resourceRegion(topicArn, context.region), registration.key);
  return subscribe(
    context,
    topic,
    "lambda",
    context.functionArn,
    filterPolicy === undefined
      ? {}
      : { FilterPolicy: JSON.stringify(filterPolicy), FilterPolicyScope: filterPolicyScope },
  );
};
