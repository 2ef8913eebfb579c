import {
  compileFilterPolicy,
  type FilterPolicyMatcher,
  type FilterPolicyScope,
  InvalidFilterPolicyError,
  validateFilterPolicy,
} from "@domovoi/runtime/matching";
import { AwsServiceError } from "../errors.js";
import { queueNameOf } from "./arns.js";
import {
  type AttributeApi,
  checkBoolean,
  checkJsonDocument,
  rejectAttribute,
} from "./attribute-rejection.js";
import { invalidParameter, invalidParameterReason } from "./sns-errors.js";

/** What a subscription's attributes set, as SNS stores them. */
export interface SubscriptionSettings {
  readonly rawMessageDelivery: boolean;
  /** The policy text as given; undefined when the subscription filters nothing. */
  readonly filterPolicy: string | undefined;
  readonly filterPolicyScope: FilterPolicyScope;
  /** Compiled once from the policy and scope. */
  readonly matcher: FilterPolicyMatcher | undefined;
  readonly redrivePolicy: string | undefined;
  readonly deadLetterTargetArn: string | undefined;
  /** Accepted and shown, not acted on: `DeliveryPolicy`, `SubscriptionRoleArn`, `ReplayPolicy`. */
  readonly others: ReadonlyMap<string, string>;
}

/** The subscription the attributes are for, as far as checking them needs. */
export interface SubscriptionKind {
  readonly protocol: string;
  /** A FIFO queue subscribed to a FIFO topic, which needs a FIFO dead-letter queue. */
  readonly fifo: boolean;
}

export const DEFAULT_SETTINGS: SubscriptionSettings = {
  rawMessageDelivery: false,
  filterPolicy: undefined,
  filterPolicyScope: "MessageAttributes",
  matcher: undefined,
  redrivePolicy: undefined,
  deadLetterTargetArn: undefined,
  others: new Map(),
};

const RAW_DELIVERY_PROTOCOLS = new Set(["sqs", "http", "https", "firehose"]);
const OTHER_ATTRIBUTES = new Set(["SubscriptionRoleArn", "ReplayPolicy"]);

/**
 * Applies attributes given to Subscribe or SetSubscriptionAttributes to `current`, checking
 * each as SNS does (with the action's wording); the filter policy is compiled here, once.
 */
export function applySubscriptionAttributes(
  current: SubscriptionSettings,
  attributes: Readonly<Record<string, string>>,
  kind: SubscriptionKind,
  api: AttributeApi,
): SubscriptionSettings {
  let settings = current;
  for (const [name, value] of Object.entries(attributes)) {
    settings = withAttribute(settings, name, value, kind, api);
  }
  const filterChanged = "FilterPolicy" in attributes || "FilterPolicyScope" in attributes;
  return filterChanged ? { ...settings, matcher: compileMatcher(settings, api) } : settings;
}

/** Whether two settings agree on the named attributes (Subscribe's idempotency check). */
export function sameAttributes(
  a: SubscriptionSettings,
  b: SubscriptionSettings,
  names: readonly string[],
): boolean {
  return names.every((name) => settingText(a, name) === settingText(b, name));
}

function settingText(settings: SubscriptionSettings, name: string): string | undefined {
  switch (name) {
    case "RawMessageDelivery":
      return String(settings.rawMessageDelivery);
    case "FilterPolicy":
      return settings.filterPolicy;
    case "FilterPolicyScope":
      return settings.filterPolicyScope;
    case "RedrivePolicy":
      return settings.redrivePolicy;
    default:
      return settings.others.get(name);
  }
}

function withAttribute(
  settings: SubscriptionSettings,
  name: string,
  value: string,
  kind: SubscriptionKind,
  api: AttributeApi,
): SubscriptionSettings {
  switch (name) {
    case "RawMessageDelivery":
      if (!RAW_DELIVERY_PROTOCOLS.has(kind.protocol)) {
        rejectAttribute(
          api,
          `Delivery protocol [${kind.protocol}] does not support raw message delivery.`,
        );
      }
      return { ...settings, rawMessageDelivery: checkBoolean(api, name, value) === "true" };
    case "FilterPolicy":
      return { ...settings, filterPolicy: value === "" ? undefined : value };
    case "FilterPolicyScope":
      // Checked with the policy, whose validation knows the scopes and SNS's message for them.
      return { ...settings, filterPolicyScope: value as FilterPolicyScope };
    case "RedrivePolicy":
      return { ...settings, ...redrivePolicy(value, kind, api) };
    case "DeliveryPolicy":
      checkJsonDocument(api, name, value);
      return withOther(settings, name, value);
    default:
      if (!OTHER_ATTRIBUTES.has(name)) {
        throw api === "Subscribe"
          ? invalidParameterReason("Attributes", `Unknown attribute ${name}`)
          : invalidParameter("AttributeName");
      }
      return withOther(settings, name, value);
  }
}

function withOther(settings: SubscriptionSettings, name: string, value: string) {
  return { ...settings, others: new Map([...settings.others, [name, value]]) };
}

function redrivePolicy(
  value: string,
  kind: SubscriptionKind,
  api: AttributeApi,
): Pick<SubscriptionSettings, "redrivePolicy" | "deadLetterTargetArn"> {
  const policy = checkJsonDocument(api, "RedrivePolicy", value);
  if (policy === undefined) return { redrivePolicy: undefined, deadLetterTargetArn: undefined };
  const target = isRecord(policy) ? policy.deadLetterTargetArn : undefined;
  const queueName = typeof target === "string" ? queueNameOf(target) : undefined;
  if (typeof target !== "string" || queueName === undefined) {
    return rejectAttribute(api, "RedrivePolicy: deadLetterTargetArn is an invalid arn");
  }
  if (kind.fifo && !queueName.endsWith(".fifo")) {
    rejectAttribute(
      api,
      "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.",
    );
  }
  return { redrivePolicy: value, deadLetterTargetArn: target };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compileMatcher(
  settings: SubscriptionSettings,
  api: AttributeApi,
): FilterPolicyMatcher | undefined {
  const options = {
    scope: settings.filterPolicyScope,
    api: api === "Subscribe" ? ("Subscribe" as const) : ("SetSubscriptionAttributes" as const),
  };
  try {
    if (settings.filterPolicy === undefined) {
      // Without a policy, only the scope's value is checked.
      validateFilterPolicy({}, options);
      return undefined;
    }
    return compileFilterPolicy(settings.filterPolicy, options);
  } catch (error) {
    if (!(error instanceof InvalidFilterPolicyError)) throw error;
    throw new AwsServiceError(error.code, error.message, { cause: error });
  }
}
