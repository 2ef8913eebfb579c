import { type DeadLetterTarget, parseRedrivePolicy, type RedrivePolicy } from "./redrive-policy.js";
import {
  conflictingEncryption,
  invalidAttributeName,
  invalidAttributeValue,
} from "./sqs-errors.js";

/** A queue's configuration, parsed from its attributes. Durations are in seconds. */
export interface QueueSettings {
  readonly delaySeconds: number;
  readonly maximumMessageSize: number;
  readonly messageRetentionPeriod: number;
  readonly receiveMessageWaitTimeSeconds: number;
  readonly visibilityTimeout: number;
  readonly contentBasedDeduplication: boolean;
  /** `DeduplicationScope: messageGroup`: deduplication ids are scoped to their group. */
  readonly deduplicatePerGroup: boolean;
  readonly redrivePolicy: RedrivePolicy | undefined;
}

interface AttributeSpec {
  /** The value of an attribute that was never set; none means it is absent until set. */
  readonly default?: string;
  readonly fifoOnly?: boolean;
  /** The value as SQS stores it; throws SQS's error when it is invalid. */
  readonly check: (value: string, name: string) => string;
}

const integer =
  (min: number, max: number) =>
  (value: string, name: string): string => {
    const number = Number(value);
    if (!/^\s*-?\d+\s*$/.test(value) || number < min || number > max) {
      throw invalidAttributeValue(name);
    }
    return String(number);
  };

const oneOf =
  (...allowed: string[]) =>
  (value: string, name: string): string => {
    if (!allowed.includes(value)) throw invalidAttributeValue(name);
    return value;
  };

const boolean = (value: string, name: string) => oneOf("true", "false")(value.toLowerCase(), name);
const text = (value: string) => value;

/** The settable attributes, with the defaults of the current SQS API reference. */
const SPECS: Readonly<Record<string, AttributeSpec>> = {
  DelaySeconds: { default: "0", check: integer(0, 900) },
  MaximumMessageSize: { default: "1048576", check: integer(1024, 1_048_576) },
  MessageRetentionPeriod: { default: "345600", check: integer(60, 1_209_600) },
  ReceiveMessageWaitTimeSeconds: { default: "0", check: integer(0, 20) },
  VisibilityTimeout: { default: "30", check: integer(0, 43_200) },
  Policy: { check: text },
  RedrivePolicy: { check: text },
  RedriveAllowPolicy: { check: text },
  KmsMasterKeyId: { check: text },
  KmsDataKeyReusePeriodSeconds: { check: integer(60, 86_400) },
  SqsManagedSseEnabled: { default: "true", check: boolean },
  FifoQueue: { default: "true", fifoOnly: true, check: boolean },
  ContentBasedDeduplication: { default: "false", fifoOnly: true, check: boolean },
  DeduplicationScope: { default: "queue", fifoOnly: true, check: oneOf("queue", "messageGroup") },
  FifoThroughputLimit: {
    default: "perQueue",
    fifoOnly: true,
    check: oneOf("perQueue", "perMessageGroupId"),
  },
};

/** Attributes GetQueueAttributes reports but nobody sets. */
export const COMPUTED_ATTRIBUTES = [
  "ApproximateNumberOfMessages",
  "ApproximateNumberOfMessagesDelayed",
  "ApproximateNumberOfMessagesNotVisible",
  "CreatedTimestamp",
  "LastModifiedTimestamp",
  "QueueArn",
] as const;

export type ComputedAttribute = (typeof COMPUTED_ATTRIBUTES)[number];

export function isReadableAttribute(name: string, fifo: boolean): boolean {
  const spec = SPECS[name];
  return spec ? fifo || !spec.fifoOnly : (COMPUTED_ATTRIBUTES as readonly string[]).includes(name);
}

/** A checked change of attributes; `redrivePolicy` is null when the change removes it. */
export interface AttributeChange {
  readonly values: ReadonlyMap<string, string>;
  readonly redrivePolicy: RedrivePolicy | null | undefined;
}

export interface AttributeChangeContext {
  readonly creating: boolean;
  readonly findDeadLetterTarget: (arn: string) => DeadLetterTarget | undefined;
}

/**
 * The settable attributes of a queue. CreateQueue and SetQueueAttributes first check a change
 * as a whole (`check`), so that an invalid attribute leaves the queue as it was.
 */
export class QueueAttributes {
  readonly #fifo: boolean;
  readonly #values = new Map<string, string>();
  #settings: QueueSettings;
  #redrivePolicy: RedrivePolicy | undefined;

  constructor(fifo: boolean) {
    this.#fifo = fifo;
    this.#settings = this.#parse();
  }

  get settings(): QueueSettings {
    return this.#settings;
  }

  /** The normalised change, or SQS's error for its first invalid attribute. */
  check(input: Readonly<Record<string, string>>, context: AttributeChangeContext): AttributeChange {
    const values = new Map<string, string>();
    for (const [name, value] of Object.entries(input)) {
      const spec = SPECS[name];
      if (!spec || (spec.fifoOnly && !this.#fifo)) {
        // CreateQueue accepts `FifoQueue: false` for a standard queue; nothing else names it.
        if (name === "FifoQueue" && context.creating && value.toLowerCase() === "false") continue;
        throw invalidAttributeName(name);
      }
      if (name === "FifoQueue" && !context.creating) {
        throw invalidAttributeValue(name, "Modifying queue type is not supported.");
      }
      values.set(name, spec.check(value, name));
    }
    this.#checkCombination(values);
    const redrive = values.get("RedrivePolicy");
    if (!redrive) return { values, redrivePolicy: redrive === undefined ? undefined : null };
    const redrivePolicy = parseRedrivePolicy(redrive, this.#fifo, context.findDeadLetterTarget);
    values.set("RedrivePolicy", JSON.stringify(redrivePolicy));
    return { values, redrivePolicy };
  }

  /** The first attribute of a checked change whose value differs from the queue's. */
  differingAttribute(change: AttributeChange): string | undefined {
    for (const [name, value] of change.values) if (this.get(name) !== value) return name;
    return undefined;
  }

  apply(change: AttributeChange): void {
    for (const [name, value] of change.values) {
      // An empty policy removes it, as SetQueueAttributes does.
      if (value === "" && SPECS[name]?.default === undefined) this.#values.delete(name);
      else this.#values.set(name, value);
    }
    if (change.values.has("KmsMasterKeyId") && !change.values.has("SqsManagedSseEnabled")) {
      this.#values.set("SqsManagedSseEnabled", "false");
    }
    if (change.redrivePolicy !== undefined) this.#redrivePolicy = change.redrivePolicy ?? undefined;
    this.#settings = this.#parse();
  }

  /** A settable attribute's value (its default when never set), or undefined when absent. */
  get(name: string): string | undefined {
    const spec = SPECS[name];
    if (!spec || (spec.fifoOnly && !this.#fifo)) return undefined;
    const value = this.#values.get(name);
    if (value !== undefined) return value;
    if (name === "KmsDataKeyReusePeriodSeconds" && this.#values.has("KmsMasterKeyId")) return "300";
    return spec.default;
  }

  /** Every settable attribute the queue has, with its value. */
  entries(): [string, string][] {
    return Object.keys(SPECS).flatMap((name) => {
      const value = this.get(name);
      return value === undefined ? [] : [[name, value] as [string, string]];
    });
  }

  #checkCombination(change: ReadonlyMap<string, string>): void {
    const after = (name: string) => change.get(name) ?? this.get(name);
    if (
      after("FifoThroughputLimit") === "perMessageGroupId" &&
      after("DeduplicationScope") !== "messageGroup"
    ) {
      throw invalidAttributeValue(
        "FifoThroughputLimit",
        "To set FifoThroughputLimit to perMessageGroupId, the DeduplicationScope must be messageGroup.",
      );
    }
    const kms = change.get("KmsMasterKeyId") ?? this.#values.get("KmsMasterKeyId");
    if (kms && change.get("SqsManagedSseEnabled") === "true") throw conflictingEncryption();
  }

  #parse(): QueueSettings {
    const number = (name: string) => Number(this.get(name));
    return {
      delaySeconds: number("DelaySeconds"),
      maximumMessageSize: number("MaximumMessageSize"),
      messageRetentionPeriod: number("MessageRetentionPeriod"),
      receiveMessageWaitTimeSeconds: number("ReceiveMessageWaitTimeSeconds"),
      visibilityTimeout: number("VisibilityTimeout"),
      contentBasedDeduplication: this.get("ContentBasedDeduplication") === "true",
      deduplicatePerGroup: this.get("DeduplicationScope") === "messageGroup",
      redrivePolicy: this.#redrivePolicy,
    };
  }
}
