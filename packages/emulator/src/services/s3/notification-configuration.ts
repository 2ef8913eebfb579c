import {
  assertNoS3NotificationOverlap,
  compileS3NotificationFilter,
  MatchingValidationError,
  parseS3FilterRules,
  type S3FilterRule,
  type S3NotificationFilter,
  type S3NotificationMatcher,
} from "@domovoi/runtime/matching";
import { AwsServiceError } from "../errors.js";

/** A bucket notification configuration in the shape of the S3 API (and of the AWS SDK). */
export interface NotificationConfiguration {
  readonly QueueConfigurations?: readonly QueueConfiguration[];
  readonly TopicConfigurations?: readonly TopicConfiguration[];
  readonly LambdaFunctionConfigurations?: readonly LambdaFunctionConfiguration[];
  /** Present (empty) when every event of the bucket also goes to EventBridge. */
  readonly EventBridgeConfiguration?: Readonly<Record<string, never>>;
}

export interface DestinationConfiguration {
  readonly Id?: string;
  readonly Events: readonly string[];
  readonly Filter?: { readonly Key?: { readonly FilterRules?: readonly S3FilterRule[] } };
}

export interface QueueConfiguration extends DestinationConfiguration {
  readonly QueueArn: string;
}

export interface TopicConfiguration extends DestinationConfiguration {
  readonly TopicArn: string;
}

export interface LambdaFunctionConfiguration extends DestinationConfiguration {
  readonly LambdaFunctionArn: string;
}

export type DestinationKind = "queue" | "topic" | "lambda";

/** One configured destination, its filter compiled. */
export interface NotificationDestination {
  readonly kind: DestinationKind;
  readonly id: string;
  readonly arn: string;
  readonly matches: S3NotificationMatcher;
}

/** A bucket's notifications: the configuration as GET returns it, and what it compiles to. */
export interface BucketNotifications {
  readonly configuration: NotificationConfiguration;
  readonly destinations: readonly NotificationDestination[];
  readonly eventBridge: boolean;
}

export const NO_NOTIFICATIONS: BucketNotifications = {
  configuration: {},
  destinations: [],
  eventBridge: false,
};

/** What each kind's ARN looks like; S3 cannot notify FIFO queues or topics. */
const ARNS: Readonly<Record<DestinationKind, { pattern: RegExp; what: string }>> = {
  queue: {
    pattern: /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[\w-]{1,80}$/,
    what: "a standard SQS queue",
  },
  topic: {
    pattern: /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/,
    what: "a standard SNS topic",
  },
  lambda: {
    pattern: /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]{1,64}(?::[\w$-]{1,128})?$/,
    what: "a Lambda function",
  },
};

/**
 * Validates a configuration as PutBucketNotificationConfiguration does (destination ARNs, event
 * types, filter rules, no two configurations sharing an event for overlapping keys) and
 * compiles each filter once. Configurations without an `Id` get one, as S3 assigns them.
 */
export function compileNotifications(
  configuration: NotificationConfiguration,
  newId: () => string,
): BucketNotifications {
  const withIds = assignIds(configuration, newId);
  const entries = destinationsOf(withIds);
  const invalid = entries.filter(({ kind, arn }) => !ARNS[kind].pattern.test(arn));
  if (invalid.length > 0) {
    throw unableToValidate(
      invalid.map(({ kind, arn }) => [arn, `The ARN is not that of ${ARNS[kind].what}`]),
    );
  }
  return asS3Error(() => {
    const filters = entries.map(({ config }) => filterOf(config));
    assertNoS3NotificationOverlap(filters);
    return {
      configuration: withIds,
      destinations: entries.map(({ kind, arn, config }, index) => ({
        kind,
        arn,
        id: config.Id!,
        matches: compileS3NotificationFilter(filters[index]!),
      })),
      eventBridge: withIds.EventBridgeConfiguration !== undefined,
    };
  });
}

/** S3's answer when it cannot deliver to some destinations, one numbered pair per destination. */
export function unableToValidate(failures: readonly (readonly [arn: string, reason: string])[]) {
  const fields: Record<string, string> = {};
  for (const [index, [arn, reason]] of failures.entries()) {
    fields[`ArgumentName${index + 1}`] = arn;
    fields[`ArgumentValue${index + 1}`] = reason;
  }
  return new AwsServiceError(
    "InvalidArgument",
    "Unable to validate the following destination configurations",
    { fields },
  );
}

export interface DestinationEntry {
  readonly kind: DestinationKind;
  readonly arn: string;
  readonly config: DestinationConfiguration;
}

/** Every configured destination, queues first, then topics, then functions. */
export function destinationsOf(configuration: NotificationConfiguration): DestinationEntry[] {
  return [
    ...(configuration.QueueConfigurations ?? []).map((config) => ({
      kind: "queue" as const,
      arn: config.QueueArn,
      config,
    })),
    ...(configuration.TopicConfigurations ?? []).map((config) => ({
      kind: "topic" as const,
      arn: config.TopicArn,
      config,
    })),
    ...(configuration.LambdaFunctionConfigurations ?? []).map((config) => ({
      kind: "lambda" as const,
      arn: config.LambdaFunctionArn,
      config,
    })),
  ];
}

function assignIds(
  configuration: NotificationConfiguration,
  newId: () => string,
): NotificationConfiguration {
  const withId = <T extends DestinationConfiguration>(config: T): T =>
    config.Id ? config : { ...config, Id: newId() };
  return {
    ...(configuration.QueueConfigurations && {
      QueueConfigurations: configuration.QueueConfigurations.map(withId),
    }),
    ...(configuration.TopicConfigurations && {
      TopicConfigurations: configuration.TopicConfigurations.map(withId),
    }),
    ...(configuration.LambdaFunctionConfigurations && {
      LambdaFunctionConfigurations: configuration.LambdaFunctionConfigurations.map(withId),
    }),
    ...(configuration.EventBridgeConfiguration && { EventBridgeConfiguration: {} }),
  };
}

function filterOf(config: DestinationConfiguration): S3NotificationFilter {
  return { events: config.Events, ...parseS3FilterRules(config.Filter?.Key?.FilterRules) };
}

/** The matching engine raises AWS's codes and messages; S3 sends them as its own errors. */
function asS3Error<T>(compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (error instanceof MatchingValidationError) {
      throw new AwsServiceError(error.code, error.message, { cause: error });
    }
    throw error;
  }
}
