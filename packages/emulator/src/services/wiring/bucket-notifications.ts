import type { DomovoiManifest, S3Registration } from "@domovoi/runtime";
import type { S3FilterRule } from "@domovoi/runtime/matching";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import type {
  DestinationConfiguration,
  LambdaFunctionConfiguration,
  NotificationConfiguration,
  QueueConfiguration,
  TopicConfiguration,
} from "../s3/index.js";
import { queueArn } from "../sqs/index.js";
import type { ProvisionContext } from "./provision-context.js";

/** Where the app's function and bridges are, and what they are called. */
type NamingContext = Pick<ProvisionContext, "names" | "region" | "functionArn">;

/** One bucket's configuration as it is gathered from its handlers. */
interface Destinations {
  readonly functions: LambdaFunctionConfiguration[];
  readonly topics: TopicConfiguration[];
  readonly queues: QueueConfiguration[];
  eventBridge: boolean;
}

/**
 * The notification configuration of each bucket the app's S3 handlers name, as the deployer
 * sets it: one entry per handler, to the function, its bridge topic or its bridge queue, with its
 * event types and key filter; EventBridge delivery turns on the bucket's EventBridge events.
 */
export function bucketNotifications(
  manifest: DomovoiManifest,
  context: NamingContext,
): Map<string, NotificationConfiguration> {
  const buckets = new Map<string, Destinations>();
  for (const registration of manifest.registrations) {
    if (registration.kind !== "s3") continue;
    const destinations = buckets.get(registration.key) ?? {
      functions: [],
      topics: [],
      queues: [],
      eventBridge: false,
    };
    buckets.set(registration.key, destinations);
    addDestination(destinations, registration, context);
  }
  return new Map(
    [...buckets].map(([bucket, destinations]) => [bucket, asConfiguration(destinations)]),
  );
}

function addDestination(
  destinations: Destinations,
  registration: S3Registration,
  { names, region, functionArn }: NamingContext,
): void {
  const entry = destinationEntry(registration, names.functionName);
  // physicalNames names the bridge topic and queue of every delivery that has them.
  const { bridgeTopic, bridgeQueue } = names.registrations[registration.name] ?? {};
  switch (registration.options.delivery) {
    case "direct":
      destinations.functions.push({ ...entry, LambdaFunctionArn: functionArn });
      return;
    case "sns":
    case "sns-sqs": {
      const topicArn = `arn:aws:sns:${region}:${LOCAL_ACCOUNT_ID}:${bridgeTopic!}`;
      destinations.topics.push({ ...entry, TopicArn: topicArn });
      return;
    }
    case "sqs":
      destinations.queues.push({ ...entry, QueueArn: queueArn(region, bridgeQueue!) });
      return;
    case "eventbridge":
      destinations.eventBridge = true;
      return;
  }
}

/** An entry with the deployer's id, which marks the entries Domovoi owns. */
function destinationEntry(
  { name, options }: S3Registration,
  functionName: string,
): DestinationConfiguration {
  const rules: S3FilterRule[] = [
    ...(options.prefix ? [{ Name: "prefix", Value: options.prefix }] : []),
    ...(options.suffix ? [{ Name: "suffix", Value: options.suffix }] : []),
  ];
  return {
    Id: `domovoi:${functionName}:${name}`,
    Events: options.events,
    ...(rules.length > 0 && { Filter: { Key: { FilterRules: rules } } }),
  };
}

function asConfiguration({
  functions,
  topics,
  queues,
  eventBridge,
}: Destinations): NotificationConfiguration {
  return {
    ...(queues.length > 0 && { QueueConfigurations: queues }),
    ...(topics.length > 0 && { TopicConfigurations: topics }),
    ...(functions.length > 0 && { LambdaFunctionConfigurations: functions }),
    ...(eventBridge && { EventBridgeConfiguration: {} }),
  };
}
