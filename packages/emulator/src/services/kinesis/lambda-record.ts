import type { KinesisStreamRecord } from "aws-lambda";
import type { StreamKind } from "../streams/stream-source.js";
import type { KinesisRecord } from "./kinesis-shard.js";

/**
 * Kinesis records as Lambda delivers them, in the fields and order of the event generator
 * (`events/kinesis.ts`); `invokeIdentityArn` is the function's execution role.
 */
export function kinesisStreamKind(roleArn: string): StreamKind<KinesisRecord, KinesisStreamRecord> {
  return {
    filterSource: "kinesis",
    batchInfoKey: "KinesisBatchInfo",
    arrivalTime: (arrivalMs) => new Date(arrivalMs).toISOString(),
    lambdaRecord: (record, shardId, streamArn) => ({
      kinesis: {
        kinesisSchemaVersion: "1.0",
        partitionKey: record.partitionKey,
        sequenceNumber: record.sequenceNumber,
        data: record.data.toString("base64"),
        approximateArrivalTimestamp: record.arrivalMs / 1000,
      },
      eventSource: "aws:kinesis",
      eventVersion: "1.0",
      eventID: `${shardId}:${record.sequenceNumber}`,
      eventName: "aws:kinesis:record",
      invokeIdentityArn: roleArn,
      awsRegion: regionOf(streamArn),
      eventSourceARN: streamArn,
    }),
  };
}

const regionOf = (arn: string) => arn.split(":")[3] ?? "";
