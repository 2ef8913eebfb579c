import { encodeS3EventKey } from "@domovoi/runtime/matching";
import type { S3EventRecord } from "aws-lambda";
import { isoMillis } from "./context.js";
import type { S3Change } from "./s3-change.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The notification record S3 writes for one change (to Lambda, SNS and SQS alike). */
export function s3Record(change: S3Change): S3EventRecord {
  const { family } = change;
  return {
    eventVersion: family.eventVersion,
    eventSource: "aws:s3",
    awsRegion: change.region,
    eventTime: isoMillis(change.time),
    eventName: change.eventName,
    userIdentity: { principalId: change.principalId },
    requestParameters: { sourceIPAddress: change.sourceIPAddress },
    responseElements: { "x-amz-request-id": change.requestId, "x-amz-id-2": change.hostId },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId: change.configurationId,
      bucket: {
        name: change.bucket,
        ownerIdentity: { principalId: change.ownerId },
        arn: `arn:aws:s3:::${change.bucket}`,
      },
      // Deletions know no size or ETag; the record type requires them, real records omit them.
      object: {
        key: encodeS3EventKey(change.key),
        ...(family.objectFacts === "size-and-etag" && { size: change.size }),
        ...(family.objectFacts !== "none" && { eTag: change.eTag }),
        ...(change.versionId !== undefined && { versionId: change.versionId }),
        sequencer: change.sequencer,
      } as S3EventRecord["s3"]["object"],
    },
    ...eventData(change),
  };
}

/** The event-specific block some records carry after `s3`. */
function eventData(change: S3Change): object {
  const time = change.time.getTime();
  switch (change.eventName) {
    case "ObjectRestore:Completed":
      return {
        glacierEventData: {
          restoreEventData: {
            lifecycleRestorationExpiryTime: isoMillis(new Date(time + DAY_MS)),
            lifecycleRestoreStorageClass: change.storageClass ?? "GLACIER",
          },
        },
      };
    case "LifecycleTransition":
      return {
        lifecycleEventData: {
          transitionEventData: { destinationStorageClass: change.storageClass ?? "GLACIER" },
        },
      };
    case "IntelligentTiering":
      return {
        intelligentTieringEventData: {
          destinationAccessTier: change.storageClass ?? "ARCHIVE_ACCESS",
        },
      };
    default:
      return change.eventName.startsWith("Replication:")
        ? { replicationEventData: replicationData(change) }
        : {};
  }
}

function replicationData(change: S3Change): object {
  return {
    replicationRuleId: "replication-rule",
    destinationBucket: `arn:aws:s3:::${change.bucket}-replica`,
    s3Operation: "OBJECT_PUT",
    requestTime: isoMillis(change.time),
    ...(change.eventName === "Replication:OperationFailedReplication" && {
      failureReason: "AssumeRoleNotPermitted",
    }),
  };
}
