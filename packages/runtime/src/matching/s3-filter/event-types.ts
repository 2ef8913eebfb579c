import { InvalidS3NotificationError } from "../errors.js";

/**
 * The event types a bucket notification configuration may name, as listed in the S3 User Guide
 * ("Supported event types for SQS, SNS, and Lambda"). `s3:TestEvent` is sent by S3 itself and
 * cannot be configured.
 */
export const S3_EVENT_TYPES = [
  "s3:ObjectCreated:*",
  "s3:ObjectCreated:Put",
  "s3:ObjectCreated:Post",
  "s3:ObjectCreated:Copy",
  "s3:ObjectCreated:CompleteMultipartUpload",
  "s3:ObjectRemoved:*",
  "s3:ObjectRemoved:Delete",
  "s3:ObjectRemoved:DeleteMarkerCreated",
  "s3:ObjectRestore:*",
  "s3:ObjectRestore:Post",
  "s3:ObjectRestore:Completed",
  "s3:ObjectRestore:Delete",
  "s3:ReducedRedundancyLostObject",
  "s3:Replication:*",
  "s3:Replication:OperationFailedReplication",
  "s3:Replication:OperationNotTracked",
  "s3:Replication:OperationMissedThreshold",
  "s3:Replication:OperationReplicatedAfterThreshold",
  "s3:LifecycleExpiration:*",
  "s3:LifecycleExpiration:Delete",
  "s3:LifecycleExpiration:DeleteMarkerCreated",
  "s3:LifecycleTransition",
  "s3:IntelligentTiering",
  "s3:ObjectTagging:*",
  "s3:ObjectTagging:Put",
  "s3:ObjectTagging:Delete",
  "s3:ObjectAcl:Put",
] as const;

export type S3EventType = (typeof S3_EVENT_TYPES)[number];

const knownTypes: ReadonlySet<string> = new Set(S3_EVENT_TYPES);

export function isS3EventType(value: unknown): value is S3EventType {
  return typeof value === "string" && knownTypes.has(value);
}

export function assertS3EventTypes(types: readonly unknown[]): asserts types is S3EventType[] {
  if (types.length === 0) {
    throw new InvalidS3NotificationError("At least one event type must be specified.");
  }
  for (const type of types) {
    if (!isS3EventType(type)) {
      throw new InvalidS3NotificationError(
        `The event is not supported for notifications: ${String(type)} (expected one of ${S3_EVENT_TYPES.join(", ")}).`,
      );
    }
  }
}

/**
 * Records name their event without the `s3:` prefix (`ObjectCreated:Put`), while configurations
 * use it; some events (`IntelligentTiering`, `LifecycleTransition`) carry a further detail after
 * the configured name in EventBridge-era payloads, so a configured name also covers its
 * sub-events.
 */
export function s3EventTypeMatches(configured: S3EventType, eventName: string): boolean {
  const wanted = configured.slice(3);
  const actual = eventName.startsWith("s3:") ? eventName.slice(3) : eventName;
  if (wanted.endsWith(":*")) return actual.startsWith(wanted.slice(0, -1));
  return actual === wanted || actual.startsWith(`${wanted}:`);
}

/** Two configured types overlap when some event would be delivered under both. */
export function s3EventTypesOverlap(a: S3EventType, b: S3EventType): boolean {
  return a === b || s3EventTypeMatches(a, b) || s3EventTypeMatches(b, a);
}
