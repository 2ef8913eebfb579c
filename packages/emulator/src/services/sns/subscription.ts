import { DEFAULT_SETTINGS, type SubscriptionSettings } from "./subscription-settings.js";
import type { SnsTopic } from "./topic.js";

/** How ListSubscriptions shows a subscription that waits for its endpoint's confirmation. */
const PENDING_CONFIRMATION = "PendingConfirmation";

/** A FIFO queue subscribed to a FIFO topic: ordered, deduplicated, FIFO dead-letter queue. */
export function isFifoSubscription(topic: SnsTopic, protocol: string, endpoint: string): boolean {
  return topic.fifo && protocol === "sqs" && endpoint.endsWith(".fifo");
}

export interface SubscriptionIdentity {
  readonly arn: string;
  readonly topic: SnsTopic;
  readonly protocol: string;
  readonly endpoint: string;
  /** `sqs` and `lambda` subscriptions are confirmed at once; the others wait for their endpoint. */
  readonly confirmed: boolean;
  /** Creation order, for list pagination. */
  readonly serial: number;
}

/** One subscription of a topic. Deliveries check `active`, so that Unsubscribe stops them. */
export class SnsSubscription {
  readonly arn: string;
  readonly topic: SnsTopic;
  readonly protocol: string;
  readonly endpoint: string;
  readonly confirmed: boolean;
  readonly serial: number;
  settings: SubscriptionSettings = DEFAULT_SETTINGS;
  active = true;

  constructor({ arn, topic, protocol, endpoint, confirmed, serial }: SubscriptionIdentity) {
    this.arn = arn;
    this.serial = serial;
    this.topic = topic;
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.confirmed = confirmed;
  }

  get fifo(): boolean {
    return isFifoSubscription(this.topic, this.protocol, this.endpoint);
  }

  /** The attributes GetSubscriptionAttributes shows. */
  attributes(): Record<string, string> {
    const { settings } = this;
    return {
      ConfirmationWasAuthenticated: String(this.confirmed),
      Endpoint: this.endpoint,
      Owner: this.topic.account,
      PendingConfirmation: String(!this.confirmed),
      Protocol: this.protocol,
      RawMessageDelivery: String(settings.rawMessageDelivery),
      SubscriptionArn: this.arn,
      SubscriptionPrincipal: `arn:aws:iam::${this.topic.account}:root`,
      TopicArn: this.topic.arn,
      ...(settings.filterPolicy !== undefined && {
        FilterPolicy: settings.filterPolicy,
        FilterPolicyScope: settings.filterPolicyScope,
      }),
      ...(settings.redrivePolicy !== undefined && { RedrivePolicy: settings.redrivePolicy }),
      ...Object.fromEntries(settings.others),
    };
  }

  /** The fields ListSubscriptions and ListSubscriptionsByTopic show. */
  listing(): Record<string, string> {
    return {
      SubscriptionArn: this.confirmed ? this.arn : PENDING_CONFIRMATION,
      Owner: this.topic.account,
      Protocol: this.protocol,
      Endpoint: this.endpoint,
      TopicArn: this.topic.arn,
    };
  }
}
