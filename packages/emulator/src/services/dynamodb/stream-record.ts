import { randomUUID } from "node:crypto";
import type { DynamoDBRecord, StreamRecord } from "aws-lambda";
import { epochSeconds } from "../../events/context.js";
import type { StreamViewType } from "../../events/dynamodb.js";
import { imageSize } from "../../events/dynamodb-marshall.js";
import type { SequencedRecord } from "../streams/shard-log.js";
import type { Image } from "./item-images.js";

/** A change as the table's stream keeps it: the record Lambda and GetRecords deliver. */
export interface DynamoDbChangeRecord extends SequencedRecord {
  readonly record: DynamoDBRecord;
}

export interface ItemChange {
  readonly eventName: "INSERT" | "MODIFY" | "REMOVE";
  readonly keys: Image;
  readonly oldImage?: Image;
  readonly newImage?: Image;
}

export interface RecordSource {
  readonly arn: string;
  readonly region: string;
  readonly viewType: StreamViewType;
}

/**
 * The stream record of one change, in the shape and field order of the event generator
 * (`events/dynamodb.ts`): the images the view type keeps, and the size DynamoDB reports for them.
 */
export function changeRecord(
  change: ItemChange,
  source: RecordSource,
  sequenceNumber: string,
  arrivalMs: number,
): DynamoDbChangeRecord {
  const { viewType } = source;
  const withNew = viewType === "NEW_IMAGE" || viewType === "NEW_AND_OLD_IMAGES";
  const withOld = viewType === "OLD_IMAGE" || viewType === "NEW_AND_OLD_IMAGES";
  const newImage = withNew ? change.newImage : undefined;
  const oldImage = withOld ? change.oldImage : undefined;
  const dynamodb: StreamRecord = {
    ApproximateCreationDateTime: epochSeconds(new Date(arrivalMs)),
    Keys: change.keys,
    ...(newImage && { NewImage: newImage }),
    ...(oldImage && { OldImage: oldImage }),
    SequenceNumber: sequenceNumber,
    SizeBytes:
      imageSize(change.keys) +
      (newImage ? imageSize(newImage) : 0) +
      (oldImage ? imageSize(oldImage) : 0),
    StreamViewType: viewType,
  };
  const record: DynamoDBRecord = {
    eventID: randomUUID().replaceAll("-", ""),
    eventName: change.eventName,
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: source.region,
    dynamodb,
    eventSourceARN: source.arn,
  };
  return { sequenceNumber, arrivalMs, record };
}
