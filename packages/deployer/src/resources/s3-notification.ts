import type {
  FilterRule,
  LambdaFunctionConfiguration,
  NotificationConfiguration,
  QueueConfiguration,
  TopicConfiguration,
} from "@aws-sdk/client-s3";
import type { JsonObject } from "@domovoi/runtime";
import type {
  DesiredResource,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";
import { changeNotifications, readNotifications } from "./bucket-notifications.js";

export interface S3NotificationProperties extends JsonObject {
  destination: "lambda" | "topic" | "queue";
  destinationArn: string;
  events: string[];
  prefix: string | null;
  suffix: string | null;
}

/** `domovoi:<function>:<registration>`: the function's name makes the stage's entries its own. */
export function notificationConfigId(functionName: string, registration: string): string {
  return `domovoi:${functionName}:${registration}`;
}

export function s3NotificationId(bucket: string, configId: string): string {
  return `s3-notification:${bucket}/${configId}`;
}

type Entry = LambdaFunctionConfiguration | TopicConfiguration | QueueConfiguration;

/**
 * One notification entry of a bucket: to the function, a bridge topic or a bridge queue. Each
 * change rewrites the bucket's configuration, keeping every entry Domovoi does not own.
 */
export const s3NotificationType: ResourceType<S3NotificationProperties> = {
  kind: "s3-notification",

  async discover(ctx, { desired, remembered }) {
    const found: ResourceState<S3NotificationProperties>[] = [];
    for (const bucket of new Set(
      [...desired, ...remembered].map((n) => String(n.locator.bucket)),
    )) {
      const configuration = await readNotifications(ctx, bucket);
      if (configuration) found.push(...ownedEntries(ctx, bucket, configuration));
    }
    return found;
  },

  async create(ctx, desired) {
    await changeNotifications(ctx, String(desired.locator.bucket), (c) =>
      withEntry(withoutEntry(c, desired.name), desired),
    );
    return desired.locator;
  },

  async update(ctx, desired, live) {
    await changeNotifications(ctx, String(desired.locator.bucket), (c) =>
      withEntry(withoutEntry(c, live.name), desired),
    );
    return live.locator;
  },

  async delete(ctx, live) {
    await changeNotifications(ctx, String(live.locator.bucket), (c) => withoutEntry(c, live.name));
  },
};

const LISTS = {
  lambda: "LambdaFunctionConfigurations",
  topic: "TopicConfigurations",
  queue: "QueueConfigurations",
} as const;

function ownedEntries(
  ctx: ReadContext,
  bucket: string,
  configuration: NotificationConfiguration,
): ResourceState<S3NotificationProperties>[] {
  const owned = notificationConfigId(ctx.functionName, "");
  return Object.entries(LISTS).flatMap(([destination, list]) =>
    (configuration[list] ?? [])
      .filter((entry: Entry) => entry.Id?.startsWith(owned))
      .map((entry: Entry) => ({
        kind: "s3-notification" as const,
        id: s3NotificationId(bucket, entry.Id ?? ""),
        name: entry.Id ?? "",
        properties: {
          destination: destination as S3NotificationProperties["destination"],
          destinationArn: destinationOf(entry),
          events: [...(entry.Events ?? [])],
          prefix: ruleValue(entry, "prefix"),
          suffix: ruleValue(entry, "suffix"),
        },
        locator: { bucket },
      })),
  );
}

function destinationOf(entry: Entry): string {
  if ("LambdaFunctionArn" in entry) return entry.LambdaFunctionArn ?? "";
  if ("TopicArn" in entry) return entry.TopicArn ?? "";
  return (entry as QueueConfiguration).QueueArn ?? "";
}

function ruleValue(entry: Entry, name: "prefix" | "suffix"): string | null {
  const rule = entry.Filter?.Key?.FilterRules?.find((r) => r.Name?.toLowerCase() === name);
  return rule?.Value ?? null;
}

function withoutEntry(configuration: NotificationConfiguration, id: string) {
  const result: NotificationConfiguration = { ...configuration };
  for (const list of Object.values(LISTS)) {
    const kept = (configuration[list] ?? []).filter((entry: Entry) => entry.Id !== id);
    if (kept.length > 0) (result[list] as Entry[]) = kept;
    else delete result[list];
  }
  return result;
}

function withEntry(
  configuration: NotificationConfiguration,
  { name, properties: p }: DesiredResource<S3NotificationProperties>,
): NotificationConfiguration {
  const rules: FilterRule[] = [
    ...(p.prefix !== null ? [{ Name: "prefix" as const, Value: p.prefix }] : []),
    ...(p.suffix !== null ? [{ Name: "suffix" as const, Value: p.suffix }] : []),
  ];
  const entry = {
    Id: name,
    Events: p.events as never,
    ...(rules.length > 0 && { Filter: { Key: { FilterRules: rules } } }),
    ...(p.destination === "lambda" && { LambdaFunctionArn: p.destinationArn }),
    ...(p.destination === "topic" && { TopicArn: p.destinationArn }),
    ...(p.destination === "queue" && { QueueArn: p.destinationArn }),
  } as Entry;
  const list = LISTS[p.destination];
  return { ...configuration, [list]: [...((configuration[list] as Entry[]) ?? []), entry] };
}

export function s3NotificationResource(
  bucket: string,
  configId: string,
  properties: S3NotificationProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<S3NotificationProperties> {
  return {
    kind: "s3-notification",
    id: s3NotificationId(bucket, configId),
    name: configId,
    properties,
    locator: { bucket },
    dependsOn,
    registration,
  };
}
