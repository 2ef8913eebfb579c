import * as sns from "@aws-sdk/client-sns";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";
import { page } from "./paginate.js";

export interface FakeTopic {
  readonly arn: string;
  readonly attributes: Record<string, string>;
  readonly tags: sns.Tag[];
}

export interface FakeSubscription {
  readonly arn: string;
  readonly topicArn: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly attributes: Record<string, string>;
}

/** Topics (CreateTopic is idempotent, as in SNS) and their subscriptions. */
export class FakeSns implements FakeService {
  readonly name = "SNS";
  readonly client = sns.SNSClient;
  readonly commands = sns as unknown as Record<string, unknown>;
  readonly topics = new Map<string, FakeTopic>();
  readonly subscriptions = new Map<string, FakeSubscription>();

  constructor(private readonly aws: FakeAws) {}

  handlers(): Handlers {
    return {
      CreateTopic: ({ Name, Attributes = {}, Tags = [] }: sns.CreateTopicCommandInput) => {
        const arn = this.aws.arn("sns", String(Name));
        const existing = this.topics.get(arn);
        if (existing) {
          const differs = Object.entries(Attributes).some(([k, v]) => existing.attributes[k] !== v);
          if (differs) {
            throw awsError(
              "InvalidParameterException",
              "Invalid parameter: Attributes Reason: Topic already exists with different attributes",
            );
          }
          return { TopicArn: arn };
        }
        this.topics.set(arn, { arn, attributes: { ...Attributes, TopicArn: arn }, tags: Tags });
        return { TopicArn: arn };
      },
      GetTopicAttributes: ({ TopicArn }: sns.GetTopicAttributesCommandInput) => ({
        Attributes: { ...this.#topic(TopicArn).attributes },
      }),
      SetTopicAttributes: ({
        TopicArn,
        AttributeName,
        AttributeValue,
      }: sns.SetTopicAttributesCommandInput) => {
        this.#topic(TopicArn).attributes[String(AttributeName)] = String(AttributeValue);
        return {};
      },
      DeleteTopic: ({ TopicArn }: sns.DeleteTopicCommandInput) => {
        this.topics.delete(String(TopicArn));
        for (const [arn, s] of this.subscriptions)
          if (s.topicArn === TopicArn) this.subscriptions.delete(arn);
        return {};
      },
      Subscribe: ({ TopicArn, Protocol, Endpoint, Attributes = {} }: sns.SubscribeCommandInput) => {
        const topic = this.#topic(TopicArn);
        const existing = [...this.subscriptions.values()].find(
          (s) => s.topicArn === topic.arn && s.protocol === Protocol && s.endpoint === Endpoint,
        );
        if (existing) return { SubscriptionArn: existing.arn };
        if (Protocol === "sqs" && !this.aws.sqs.byArn(String(Endpoint))) {
          throw awsError("InvalidParameterException", "Invalid parameter: Endpoint");
        }
        const arn = `${topic.arn}:${this.aws.nextId()}`;
        this.subscriptions.set(arn, {
          arn,
          topicArn: topic.arn,
          protocol: String(Protocol),
          endpoint: String(Endpoint),
          attributes: { ...Attributes },
        });
        return { SubscriptionArn: arn };
      },
      Unsubscribe: ({ SubscriptionArn }: sns.UnsubscribeCommandInput) => {
        this.#subscription(SubscriptionArn);
        this.subscriptions.delete(String(SubscriptionArn));
        return {};
      },
      ListSubscriptionsByTopic: ({
        TopicArn,
        NextToken,
      }: sns.ListSubscriptionsByTopicCommandInput) => {
        const topic = this.#topic(TopicArn);
        const mine = [...this.subscriptions.values()]
          .filter((s) => s.topicArn === topic.arn)
          .map((s) => ({
            SubscriptionArn: s.arn,
            TopicArn: s.topicArn,
            Protocol: s.protocol,
            Endpoint: s.endpoint,
            Owner: this.aws.account,
          }));
        const { items, next } = page(mine, NextToken);
        return { Subscriptions: items, NextToken: next };
      },
      GetSubscriptionAttributes: ({
        SubscriptionArn,
      }: sns.GetSubscriptionAttributesCommandInput) => {
        const s = this.#subscription(SubscriptionArn);
        return {
          Attributes: {
            ...s.attributes,
            SubscriptionArn: s.arn,
            TopicArn: s.topicArn,
            Protocol: s.protocol,
            Endpoint: s.endpoint,
            ...(s.attributes.FilterPolicy && {
              FilterPolicyScope: s.attributes.FilterPolicyScope ?? "MessageAttributes",
            }),
          },
        };
      },
      SetSubscriptionAttributes: ({
        SubscriptionArn,
        AttributeName,
        AttributeValue,
      }: sns.SetSubscriptionAttributesCommandInput) => {
        const s = this.#subscription(SubscriptionArn);
        if (AttributeName === "FilterPolicy" && (AttributeValue === "{}" || !AttributeValue)) {
          delete s.attributes.FilterPolicy;
        } else s.attributes[String(AttributeName)] = String(AttributeValue);
        return {};
      },
    };
  }

  #topic(arn: string | undefined): FakeTopic {
    const topic = this.topics.get(String(arn));
    if (!topic) throw awsError("NotFoundException", "Topic does not exist", 404);
    return topic;
  }

  #subscription(arn: string | undefined): FakeSubscription {
    const subscription = this.subscriptions.get(String(arn));
    if (!subscription) throw awsError("NotFoundException", "Subscription does not exist", 404);
    return subscription;
  }
}
