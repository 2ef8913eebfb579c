import type { JsonObject } from "@domovoi/runtime";
import { DeployValidationError } from "../errors.js";

/**
 * The EventBridge detail-types of S3 notification event types (the S3 User Guide's mapping
 * table), by the event type's family; the dispatcher then narrows by event name.
 */
const DETAIL_TYPES: Readonly<Record<string, readonly string[]>> = {
  "s3:ObjectCreated": ["Object Created"],
  "s3:ObjectRemoved": ["Object Deleted"],
  "s3:LifecycleExpiration": ["Object Deleted"],
  "s3:ObjectRestore:Post": ["Object Restore Initiated"],
  "s3:ObjectRestore:Completed": ["Object Restore Completed"],
  "s3:ObjectRestore:Delete": ["Object Restore Expired"],
  "s3:ObjectRestore": [
    "Object Restore Initiated",
    "Object Restore Completed",
    "Object Restore Expired",
  ],
  "s3:LifecycleTransition": ["Object Storage Class Changed"],
  "s3:IntelligentTiering": ["Object Access Tier Changed"],
  "s3:ObjectTagging:Put": ["Object Tags Added"],
  "s3:ObjectTagging:Delete": ["Object Tags Deleted"],
  "s3:ObjectTagging": ["Object Tags Added", "Object Tags Deleted"],
  "s3:ObjectAcl:Put": ["Object ACL Updated"],
};

/** The event pattern of a rule that receives a bucket's events as an S3 handler asks for them. */
export function s3EventPattern(
  registration: string,
  bucket: string,
  events: readonly string[],
  prefix: string | undefined,
  suffix: string | undefined,
): JsonObject {
  const detailTypes = new Set(events.flatMap((event) => detailTypesOf(registration, event)));
  const key = keyFilter(prefix, suffix);
  return {
    source: ["aws.s3"],
    "detail-type": [...detailTypes],
    detail: { bucket: { name: [bucket] }, ...(key && { object: { key: [key] } }) },
  };
}

function detailTypesOf(registration: string, event: string): readonly string[] {
  const exact = DETAIL_TYPES[event.replace(/:\*$/, "")];
  const family = DETAIL_TYPES[event.split(":").slice(0, 2).join(":")];
  const types = exact ?? family;
  if (!types) {
    throw new DeployValidationError([
      `s3 ${registration}: ${event} events are not delivered to EventBridge; use another delivery.`,
    ]);
  }
  return types;
}

function keyFilter(prefix: string | undefined, suffix: string | undefined): JsonObject | undefined {
  if (prefix && suffix) return { wildcard: `${escapeWildcard(prefix)}*${escapeWildcard(suffix)}` };
  if (prefix) return { prefix };
  if (suffix) return { suffix };
  return undefined;
}

function escapeWildcard(text: string): string {
  return text.replace(/[\\*]/g, (c) => `\\${c}`);
}
