import { randomUUID } from "node:crypto";
import type { Clock } from "../../clock/clock.js";
import type { EventContext } from "../../events/context.js";
import { acceptedSnsMessage, addressedNotification } from "../../events/sns-notification.js";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import { topicArnOf } from "./arns.js";
import { SnsDelivery } from "./delivery.js";
import type { FunctionDelivery, QueueDelivery, SnsDeliveryFailure } from "./delivery-targets.js";
import { messageFor } from "./message-structure.js";
import type { SnsPublishRequest } from "./publish-request.js";
import { AWS_MANAGED_RETRIES, type RetrySchedule } from "./retry-schedule.js";
import {
  invalidParameter,
  invalidParameterReason,
  subscriptionNotFound,
  topicNotFound,
} from "./sns-errors.js";
import { isFifoSubscription, SnsSubscription } from "./subscription.js";
import { checkEndpoint } from "./subscription-endpoints.js";
import {
  applySubscriptionAttributes,
  DEFAULT_SETTINGS,
  sameAttributes,
} from "./subscription-settings.js";
import { SnsTopic } from "./topic.js";
import { checkTopicAttributes, checkTopicType } from "./topic-attributes.js";
import { checkTopicRules } from "./topic-rules.js";

export interface SnsBackendOptions {
  /** The clock deliveries and their retries run on. */
  readonly clock: Clock;
  readonly queues: QueueDelivery;
  /** The app's function, for `lambda` subscriptions; without it their deliveries fail. */
  readonly functions?: FunctionDelivery;
  /** The account of every topic (default: the emulator's local account). */
  readonly account?: string;
  /** Default: SNS's policy for AWS-managed endpoints (100,015 retries over 23 days). */
  readonly retrySchedule?: RetrySchedule;
  readonly randomUUID?: () => string;
  /** Told of every message a subscription could not take, dead-lettered or lost. */
  readonly onDeliveryFailure?: (failure: SnsDeliveryFailure) => void;
}

export interface PublishResult {
  readonly messageId: string;
  /** FIFO topics only. */
  readonly sequenceNumber?: string;
}

/**
 * The emulated SNS of one emulator: topics by ARN (so by region), their subscriptions, and
 * publishing, whose deliveries run after Publish returns. The query-protocol adapter and the
 * emulator's own setup (topics and subscriptions of the app's manifest, S3 notifications) share it.
 */
export class SnsBackend {
  readonly account: string;
  readonly #clock: Clock;
  readonly #randomUUID: () => string;
  readonly #delivery: SnsDelivery;
  readonly #topics = new Map<string, SnsTopic>();
  readonly #subscriptions = new Map<string, SnsSubscription>();
  #serial = 0;

  constructor(options: SnsBackendOptions) {
    this.account = options.account ?? LOCAL_ACCOUNT_ID;
    this.#clock = options.clock;
    this.#randomUUID = options.randomUUID ?? randomUUID;
    this.#delivery = new SnsDelivery({
      clock: options.clock,
      queues: options.queues,
      functions: options.functions,
      retrySchedule: options.retrySchedule ?? AWS_MANAGED_RETRIES,
      onFailure: options.onDeliveryFailure,
    });
  }

  /**
   * Creates a topic, or returns the one of that name: CreateTopic is idempotent, keeps the
   * existing topic's attributes, and refuses only tags that differ from the topic's.
   */
  createTopic(
    region: string,
    name: string,
    attributes: Readonly<Record<string, string>> = {},
    tags: Readonly<Record<string, string>> = {},
  ): SnsTopic {
    const fifo = checkTopicType(name, attributes);
    const settings = checkTopicAttributes(attributes, { fifo, api: "CreateTopic" });
    const arn = topicArnOf(region, this.account, name);
    const existing = this.#topics.get(arn);
    if (existing) {
      if (Object.entries(tags).some(([key, value]) => existing.tags.get(key) !== value)) {
        throw invalidParameterReason("Tags", "Topic already exists with different tags");
      }
      return existing;
    }
    const topic = new SnsTopic({
      name,
      arn,
      region,
      account: this.account,
      fifo,
      serial: this.#serial++,
    });
    topic.applySettings(settings);
    for (const [key, value] of Object.entries(tags)) topic.tags.set(key, value);
    this.#topics.set(arn, topic);
    return topic;
  }

  deleteTopic(topic: SnsTopic): void {
    for (const subscription of topic.subscriptions.values()) this.unsubscribe(subscription);
    this.#topics.delete(topic.arn);
  }

  /** A topic by ARN; undefined when there is none (DeleteTopic then does nothing). */
  findTopic(arn: string): SnsTopic | undefined {
    return this.#topics.get(arn);
  }

  topic(arn: string): SnsTopic {
    const topic = this.#topics.get(arn);
    if (!topic) throw topicNotFound();
    return topic;
  }

  /** The region's topics, in the order they were created. */
  topics(region: string): SnsTopic[] {
    return [...this.#topics.values()].filter((topic) => topic.region === region);
  }

  setTopicAttribute(topic: SnsTopic, name: string, value: string): void {
    if (name === "FifoTopic") throw invalidParameter("AttributeName");
    topic.applySettings(
      checkTopicAttributes({ [name]: value }, { fifo: topic.fifo, api: "SetTopicAttributes" }),
    );
  }

  /**
   * Subscribes an endpoint. Subscribe is idempotent: the same protocol and endpoint give the
   * existing subscription, unless an attribute given now differs from the one it has.
   */
  subscribe(
    topic: SnsTopic,
    protocol: string,
    endpoint: string,
    attributes: Readonly<Record<string, string>> = {},
  ): SnsSubscription {
    const confirmed = checkEndpoint(topic, protocol, endpoint);
    const settings = applySubscriptionAttributes(
      DEFAULT_SETTINGS,
      attributes,
      { protocol, fifo: isFifoSubscription(topic, protocol, endpoint) },
      "Subscribe",
    );
    const existing = [...topic.subscriptions.values()].find(
      (subscription) => subscription.protocol === protocol && subscription.endpoint === endpoint,
    );
    if (existing) {
      if (!sameAttributes(existing.settings, settings, Object.keys(attributes))) {
        throw invalidParameterReason(
          "Attributes",
          "Subscription already exists with different attributes",
        );
      }
      return existing;
    }
    const arn = `${topic.arn}:${this.#randomUUID()}`;
    const subscription = new SnsSubscription({
      arn,
      topic,
      protocol,
      endpoint,
      confirmed,
      serial: this.#serial++,
    });
    subscription.settings = settings;
    topic.subscriptions.set(arn, subscription);
    this.#subscriptions.set(arn, subscription);
    return subscription;
  }

  unsubscribe(subscription: SnsSubscription): void {
    if (!subscription.active) return;
    subscription.active = false;
    subscription.topic.subscriptions.delete(subscription.arn);
    subscription.topic.deletedSubscriptions += 1;
    this.#subscriptions.delete(subscription.arn);
  }

  /** A subscription by ARN; undefined when there is none (Unsubscribe then does nothing). */
  findSubscription(arn: string): SnsSubscription | undefined {
    return this.#subscriptions.get(arn);
  }

  subscription(arn: string): SnsSubscription {
    const subscription = this.#subscriptions.get(arn);
    if (!subscription) throw subscriptionNotFound();
    return subscription;
  }

  /** The region's subscriptions, in the order they were created. */
  subscriptions(region: string): SnsSubscription[] {
    return [...this.#subscriptions.values()].filter(
      (subscription) => subscription.topic.region === region,
    );
  }

  setSubscriptionAttribute(subscription: SnsSubscription, name: string, value: string): void {
    subscription.settings = applySubscriptionAttributes(
      subscription.settings,
      { [name]: value },
      { protocol: subscription.protocol, fifo: subscription.fifo },
      "SetSubscriptionAttributes",
    );
  }

  /** Publishes one message; its deliveries run on the clock after this returns. */
  publish(topic: SnsTopic, request: SnsPublishRequest): PublishResult {
    return this.#accept(topic, checkTopicRules(topic, request));
  }

  /**
   * Publishes a batch: SNS checks every entry against the topic first and refuses the whole
   * batch for one bad entry, so no message of a refused batch is published.
   */
  publishBatch(topic: SnsTopic, requests: readonly SnsPublishRequest[]): PublishResult[] {
    const checked = requests.map((request) => checkTopicRules(topic, request));
    return checked.map((request) => this.#accept(topic, request));
  }

  #accept(topic: SnsTopic, request: SnsPublishRequest): PublishResult {
    const now = this.#clock.now();
    const duplicate = topic.fifo ? topic.duplicateOf(request, now) : undefined;
    if (duplicate) return duplicate;
    const { message, subject, messageAttributes } = request;
    const accepted = acceptedSnsMessage(
      topic,
      { message, ...(subject !== undefined && { subject }), messageAttributes },
      this.#context(topic, now),
    );
    const ids: PublishResult = topic.fifo
      ? topic.sequence(request, accepted.messageId, now)
      : { messageId: accepted.messageId };
    const signatureVersion = topic.settings.get("SignatureVersion") === "2" ? "2" : "1";
    for (const subscription of topic.subscriptions.values()) {
      if (!subscription.confirmed) continue;
      const delivered = messageFor(message, request.protocolMessages, subscription.protocol);
      const { matcher } = subscription.settings;
      if (matcher && !matcher({ messageAttributes, message: delivered })) continue;
      this.#delivery.schedule({
        subscription,
        notification: addressedNotification(
          { ...accepted, ...ids, message: delivered, signatureVersion },
          subscription.arn,
        ),
        messageGroupId: request.messageGroupId,
        messageDeduplicationId: request.messageDeduplicationId,
      });
    }
    return ids;
  }

  /** The source of the ids and time of one accepted message. */
  #context(topic: SnsTopic, now: number): EventContext {
    return {
      kind: "sns",
      region: topic.region,
      account: topic.account,
      time: new Date(now),
      randomHex: () => this.#randomUUID().replaceAll("-", "").toLowerCase(),
    };
  }
}
