import { encodeS3EventKey } from "@domovoi/runtime/matching";
import type { Clock } from "../../clock/clock.js";
import type { GeneratorOptions } from "../../events/context.js";
import { generateS3Event } from "../../events/s3.js";
import type { S3EventParams } from "../../events/s3-change.js";
import { generateS3ViaEventBridgeEvent } from "../../events/s3-eventbridge.js";
import { s3TestEventMessage } from "../../events/s3-test-event.js";
import { s3Publish } from "../../events/sns-notification.js";
import type { Bucket } from "./bucket.js";
import {
  type BucketNotifications,
  type NotificationDestination,
  unableToValidate,
} from "./notification-configuration.js";
import type { NotificationTargets } from "./notification-targets.js";
import { S3Sequencer } from "./s3-sequencer.js";

/** The object events the emulated S3 API causes. */
export type ObjectEventName =
  | "ObjectCreated:Put"
  | "ObjectCreated:Copy"
  | "ObjectCreated:CompleteMultipartUpload"
  | "ObjectRemoved:Delete";

/** One change to one object; deletions know no size or ETag. */
export interface ObjectEvent {
  readonly eventName: ObjectEventName;
  readonly key: string;
  readonly size?: number;
  readonly eTag?: string;
}

export interface S3NotifierOptions {
  readonly clock: Clock;
  readonly targets: NotificationTargets;
  readonly account: string;
  /** Told about each delivery that failed; S3 itself drops such notifications. */
  readonly onDeliveryError: (error: unknown, destination: string) => void;
}

/**
 * Sends a bucket's notifications as S3 does: after the request that caused them (on the clock),
 * one message per matching configuration with that configuration's id, and every event to
 * EventBridge when the bucket says so. Keys are URL-encoded and sequencers grow per change.
 */
export class S3Notifier {
  readonly #options: S3NotifierOptions;
  readonly #sequencer = new S3Sequencer();
  readonly #pending = new Set<Promise<void>>();

  constructor(options: S3NotifierOptions) {
    this.#options = options;
  }

  notify(bucket: Bucket, event: ObjectEvent): void {
    const { destinations, eventBridge } = bucket.notifications;
    const encodedKey = encodeS3EventKey(event.key);
    const matching = destinations.filter((destination) =>
      destination.matches(event.eventName, encodedKey),
    );
    if (matching.length === 0 && !eventBridge) return;
    const time = this.#options.clock.now();
    const params: S3EventParams = {
      bucket: bucket.name,
      key: event.key,
      eventName: event.eventName,
      sequencer: this.#sequencer.next(time),
      ...(event.size !== undefined && { size: event.size }),
      ...(event.eTag !== undefined && { eTag: event.eTag }),
    };
    const options = this.#generatorOptions(bucket, time);
    const deliveries = matching.map((destination) => ({
      name: destination.arn,
      deliver: () =>
        this.#deliver(destination, { ...params, configurationId: destination.id }, options),
    }));
    if (eventBridge) {
      deliveries.push({
        name: `EventBridge (${bucket.region})`,
        deliver: async () => {
          await this.#options.targets.eventBus?.(generateS3ViaEventBridgeEvent(params, options));
        },
      });
    }
    this.#track(
      this.#options.clock
        .sleep(0)
        .then(() =>
          Promise.all(deliveries.map(({ name, deliver }) => this.#attempt(name, deliver))),
        ),
    );
  }

  /**
   * Sends `s3:TestEvent` to each queue and topic of a configuration being saved, as S3 does to
   * validate them; a destination that cannot receive it makes S3 refuse the configuration.
   */
  async validateDestinations(bucket: Bucket, notifications: BucketNotifications): Promise<void> {
    const failures: [arn: string, reason: string][] = [];
    if (notifications.eventBridge && !this.#options.targets.eventBus) {
      failures.push(["EventBridgeConfiguration", "No EventBridge is connected to the emulated S3"]);
    }
    const message = s3TestEventMessage(
      bucket.name,
      this.#generatorOptions(bucket, this.#options.clock.now()),
    );
    const notified = new Set<string>();
    await Promise.all(
      notifications.destinations.map(async (destination) => {
        if (destination.kind === "lambda" || notified.has(destination.arn)) return;
        notified.add(destination.arn);
        const reason = await this.#sendTestEvent(destination, message);
        if (reason !== undefined) failures.push([destination.arn, reason]);
      }),
    );
    if (failures.length > 0) throw unableToValidate(failures);
  }

  /** Resolves once every notification of the changes made so far has been delivered or dropped. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** Why a destination cannot receive the test event, or undefined when it received it. */
  async #sendTestEvent(
    destination: NotificationDestination,
    message: string,
  ): Promise<string | undefined> {
    const kind = destination.kind === "queue" ? "queue" : "topic";
    if (!this.#options.targets[kind]) {
      return `No ${kind === "queue" ? "SQS" : "SNS"} is connected to the emulated S3`;
    }
    try {
      await this.#sendMessage(destination, message);
      return undefined;
    } catch {
      return `Permissions on the destination ${kind} do not allow S3 to publish notifications from this bucket`;
    }
  }

  async #deliver(
    destination: NotificationDestination,
    params: S3EventParams,
    options: GeneratorOptions,
  ): Promise<void> {
    const event = generateS3Event(params, options);
    if (destination.kind !== "lambda") return this.#sendMessage(destination, JSON.stringify(event));
    const outcome = await this.#options.targets.lambda.invoke({
      payload: event,
      invocationType: "Event",
      trigger: `s3:${params.bucket}`,
      ...qualifierOf(destination.arn),
    });
    if (!outcome.ok) throw new Error(`${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  }

  /** S3's JSON message to a queue as it is, to a topic under S3's subject. */
  async #sendMessage(destination: NotificationDestination, message: string): Promise<void> {
    const { queue, topic } = this.#options.targets;
    if (destination.kind === "queue" && queue) return queue(destination.arn, message);
    if (destination.kind === "topic" && topic) {
      return topic(destination.arn, message, s3Publish(message).subject!);
    }
    throw new Error(`No ${destination.kind} target is connected to the emulated S3.`);
  }

  async #attempt(name: string, deliver: () => Promise<void>): Promise<void> {
    try {
      await deliver();
    } catch (error) {
      this.#options.onDeliveryError(error, name);
    }
  }

  #track(delivery: Promise<unknown>): void {
    const tracked = delivery.then(() => undefined);
    this.#pending.add(tracked);
    void tracked.finally(() => this.#pending.delete(tracked));
  }

  #generatorOptions(bucket: Bucket, time: number): GeneratorOptions {
    return { region: bucket.region, account: this.#options.account, now: () => new Date(time) };
  }
}

/** `arn:aws:lambda:<region>:<account>:function:<name>:<alias or version>` names a qualifier. */
function qualifierOf(functionArn: string): { qualifier?: string } {
  const qualifier = functionArn.split(":")[7];
  return qualifier === undefined ? {} : { qualifier };
}
