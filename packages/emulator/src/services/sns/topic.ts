import type { Resource } from "../../events/resources.js";
import { DeduplicationWindow, type PublishedIds } from "./deduplication-window.js";
import type { SnsPublishRequest } from "./publish-request.js";
import type { SnsSubscription } from "./subscription.js";

/** The delivery policy SNS reports for a topic that sets none. */
const DEFAULT_EFFECTIVE_DELIVERY_POLICY = JSON.stringify({
  http: {
    defaultHealthyRetryPolicy: {
      minDelayTarget: 20,
      maxDelayTarget: 20,
      numRetries: 3,
      numMaxDelayRetries: 0,
      numNoDelayRetries: 0,
      numMinDelayRetries: 0,
      backoffFunction: "linear",
    },
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: "text/plain; charset=UTF-8" },
  },
});

const TOPIC_ACTIONS = [
  "SNS:GetTopicAttributes",
  "SNS:SetTopicAttributes",
  "SNS:AddPermission",
  "SNS:RemovePermission",
  "SNS:DeleteTopic",
  "SNS:Subscribe",
  "SNS:ListSubscriptionsByTopic",
  "SNS:Publish",
];

/** SNS numbers FIFO messages with 20-digit sequence numbers that grow within a topic. */
const FIRST_SEQUENCE_NUMBER = 10_000_000_000_000_000_000n;

export interface TopicIdentity extends Resource {
  readonly fifo: boolean;
  /** Creation order, for list pagination. */
  readonly serial: number;
}

/** One topic of the emulated SNS, with its subscriptions in the order they were made. */
export class SnsTopic implements TopicIdentity {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly account: string;
  readonly fifo: boolean;
  readonly serial: number;
  /** The attributes given to the topic (CreateTopic, SetTopicAttributes), as stored. */
  readonly settings = new Map<string, string>();
  readonly tags = new Map<string, string>();
  readonly subscriptions = new Map<string, SnsSubscription>();
  deletedSubscriptions = 0;
  readonly #deduplication = new DeduplicationWindow();
  #sequenceNumber = FIRST_SEQUENCE_NUMBER;

  constructor({ name, arn, region, account, fifo, serial }: TopicIdentity) {
    this.name = name;
    this.arn = arn;
    this.region = region;
    this.account = account;
    this.fifo = fifo;
    this.serial = serial;
  }

  applySettings(changes: ReadonlyMap<string, string | undefined>): void {
    for (const [name, value] of changes) {
      if (value === undefined) this.settings.delete(name);
      else this.settings.set(name, value);
    }
  }

  /**
   * The ids of an earlier copy of this FIFO message still in the five-minute window, which SNS
   * answers with instead of publishing the message again.
   */
  duplicateOf(request: SnsPublishRequest, now: number): PublishedIds | undefined {
    return this.#deduplication.find(this.#deduplicationKey(request), now);
  }

  /** Numbers an accepted FIFO message and opens its deduplication window. */
  sequence(request: SnsPublishRequest, messageId: string, now: number): PublishedIds {
    this.#sequenceNumber += 1n;
    const ids = { messageId, sequenceNumber: String(this.#sequenceNumber) };
    this.#deduplication.remember(this.#deduplicationKey(request), ids, now);
    return ids;
  }

  /** The attributes GetTopicAttributes shows: the given ones and those SNS computes. */
  attributes(): Record<string, string> {
    const subscriptions = [...this.subscriptions.values()];
    const confirmed = subscriptions.filter((subscription) => subscription.confirmed).length;
    return {
      DisplayName: "",
      EffectiveDeliveryPolicy: DEFAULT_EFFECTIVE_DELIVERY_POLICY,
      Owner: this.account,
      Policy: this.#defaultPolicy(),
      ...(this.fifo && { FifoTopic: "true", ContentBasedDeduplication: "false" }),
      ...Object.fromEntries(this.settings),
      SubscriptionsConfirmed: String(confirmed),
      SubscriptionsPending: String(subscriptions.length - confirmed),
      SubscriptionsDeleted: String(this.deletedSubscriptions),
      TopicArn: this.arn,
    };
  }

  #deduplicationKey(request: SnsPublishRequest): string {
    const id = request.messageDeduplicationId ?? "";
    return this.settings.get("FifoThroughputScope") === "MessageGroup"
      ? JSON.stringify([request.messageGroupId, id])
      : id;
  }

  #defaultPolicy(): string {
    return JSON.stringify({
      Version: "2008-10-17",
      Id: "__default_policy_ID",
      Statement: [
        {
          Sid: "__default_statement_ID",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: TOPIC_ACTIONS,
          Resource: this.arn,
          Condition: { StringEquals: { "AWS:SourceOwner": this.account } },
        },
      ],
    });
  }
}
