/** Builds Lambda records the way the services deliver them, from the corpus case data. */

export function sqsRecord(body: string): Record<string, unknown> {
  return {
    messageId: "059f36b4-87a3-44ab-83d2-661975830a7d",
    receiptHandle: "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
    body,
    attributes: { ApproximateReceiveCount: "1", SentTimestamp: "1545082649183" },
    messageAttributes: {},
    md5OfBody: "e4e68fb7bd0e697a0ae8f1bb342846b3",
    eventSource: "aws:sqs",
    eventSourceARN: "arn:aws:sqs:us-east-1:111111111111:queue",
    awsRegion: "us-east-1",
  };
}

export function kinesisRecord(data: string, partitionKey: string): Record<string, unknown> {
  return {
    kinesis: {
      kinesisSchemaVersion: "1.0",
      partitionKey,
      sequenceNumber: "49590338271490256608559692538361571095921575989136588898",
      data: Buffer.from(data, "utf8").toString("base64"),
      approximateArrivalTimestamp: 1545084650.987,
    },
    eventSource: "aws:kinesis",
    eventVersion: "1.0",
    eventID: "shardId-000000000006:49590338271490256608559692538361571095921575989136588898",
    eventName: "aws:kinesis:record",
    awsRegion: "us-east-1",
    eventSourceARN: "arn:aws:kinesis:us-east-1:111111111111:stream/stream",
  };
}

type Item = Readonly<Record<string, unknown>>;

/**
 * The stream records that PutItem calls produce on a table: INSERT for a new key, MODIFY (with
 * the old image, for NEW_AND_OLD_IMAGES) when the key is already there.
 */
export function dynamodbRecords(
  table: { readonly partitionKey: string; readonly streamViewType: string },
  putItems: readonly Item[],
): Record<string, unknown>[] {
  const stored = new Map<string, Item>();
  return putItems.map((item, index) => {
    const keyAttribute = item[table.partitionKey];
    const key = JSON.stringify(keyAttribute);
    const oldImage = stored.get(key);
    stored.set(key, item);
    return {
      eventID: `event-${index}`,
      eventName: oldImage === undefined ? "INSERT" : "MODIFY",
      eventVersion: "1.1",
      eventSource: "aws:dynamodb",
      awsRegion: "us-east-1",
      dynamodb: {
        ApproximateCreationDateTime: 1733418659 + index,
        Keys: { [table.partitionKey]: keyAttribute },
        NewImage: item,
        ...(oldImage !== undefined && table.streamViewType === "NEW_AND_OLD_IMAGES"
          ? { OldImage: oldImage }
          : {}),
        SequenceNumber: String(100000000000000000000 + index),
        SizeBytes: JSON.stringify(item).length,
        StreamViewType: table.streamViewType,
      },
      eventSourceARN: "arn:aws:dynamodb:us-east-1:111111111111:table/table/stream/2024",
    };
  });
}
