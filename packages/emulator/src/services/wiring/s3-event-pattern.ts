import { DomovoiError, type JsonObject, type S3Registration } from "@domovoi/runtime";

/** An S3 handler delivered through EventBridge asks for events S3 does not send there. */
export class NoEventBridgeEventsError extends DomovoiError {}

/**
 * The EventBridge detail-types of the notification event types, by event type or family (the S3
 * User Guide's mapping); the rule's pattern narrows a bucket's events as the notification
 * configuration would have.
 */
const DETAIL_TYPES: Readonly<Record<string, readonly string[]>> = {
  "s3:ObjectCreated": ["Object Created"],
  "s3:ObjectRemoved": ["Object Deleted"],
  "s3:LifecycleExpiration": ["Object Deleted"],
  "s3:ObjectRestore": [
    "Object Restore Initiated",
    "Object Restore Completed",
    "Object Restore Expired",
  ],
  "s3:ObjectRestore:Post": ["Object Restore Initiated"],
  "s3:ObjectRestore:Completed": ["Object Restore Completed"],
  "s3:ObjectRestore:Delete": ["Object Restore Expired"],
  "s3:ObjectTagging": ["Object Tags Added", "Object Tags Deleted"],
  "s3:ObjectTagging:Put": ["Object Tags Added"],
  "s3:ObjectTagging:Delete": ["Object Tags Deleted"],
  "s3:ObjectAcl:Put": ["Object ACL Updated"],
  "s3:LifecycleTransition": ["Object Storage Class Changed"],
  "s3:IntelligentTiering": ["Object Access Tier Changed"],
};

/**
 * The event pattern of the rule that receives a bucket's events for an S3 handler delivered
 * through EventBridge: the bucket, the detail-types of its event types, its key filter.
 */
export function s3EventPattern({ key: bucket, name, options }: S3Registration): JsonObject {
  const detailTypes = new Set(options.events.flatMap((event) => detailTypesOf(name, event)));
  const keyFilter = keyPattern(options.prefix, options.suffix);
  return {
    source: ["aws.s3"],
    "detail-type": [...detailTypes],
    detail: { bucket: { name: [bucket] }, ...(keyFilter && { object: { key: [keyFilter] } }) },
  };
}

function detailTypesOf(registration: string, event: string): readonly string[] {
  const family = event.split(":").slice(0, 2).join(":");
  const types = DETAIL_TYPES[event.replace(/:\*$/, "")] ?? DETAIL_TYPES[family];
  if (!types) {
    throw new NoEventBridgeEventsError(
      `${registration}: S3 does not send ${event} events to EventBridge; deliver them through SNS or SQS.`,
    );
  }
  return types;
}

function keyPattern(
  prefix: string | undefined,
  suffix: string | undefined,
): JsonObject | undefined {
  if (prefix && suffix) return { wildcard: `${escapeWildcard(prefix)}*${escapeWildcard(suffix)}` };
  if (prefix) return { prefix };
  if (suffix) return { suffix };
  return undefined;
}

/** `*` and `\` are special in `wildcard` patterns. */
function escapeWildcard(text: string): string {
  return text.replace(/[\\*]/g, (character) => `\\${character}`);
}
