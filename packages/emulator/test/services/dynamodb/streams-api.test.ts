import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DynamoDbHarness, REGION, startDynamoDb, uniqueTable } from "./harness.js";

let h: DynamoDbHarness;
beforeAll(async () => {
  h = await startDynamoDb();
});
afterAll(() => h.close());

interface StreamRecordJson {
  readonly eventName: string;
  readonly eventSourceARN?: string;
  readonly dynamodb: {
    readonly Keys: { readonly id: { readonly S: string } };
    readonly SequenceNumber: string;
  };
}

/** What the tests read of the answers. */
interface StreamsAnswer {
  readonly status: number;
  readonly __type?: string;
  readonly Streams: { readonly StreamArn: string }[];
  readonly StreamDescription: { readonly Shards: { readonly ShardId: string }[] };
  readonly ShardIterator: string;
  readonly NextShardIterator: string;
  readonly Records: StreamRecordJson[];
}

/** A DynamoDB Streams call (no SDK client is installed), signed for the region's scope. */
async function streams(operation: string, input: unknown): Promise<StreamsAnswer> {
  const response = await fetch(h.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": `DynamoDBStreams_20120810.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=AKID/20240501/${REGION}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, ...((await response.json()) as object) } as StreamsAnswer;
}

describe("the DynamoDB Streams API", () => {
  it("lists, describes and reads a table's stream", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName, "NEW_IMAGE");
    await h.dynamodb.send(new PutItemCommand({ TableName, Item: { id: { S: "a" } } }));
    await h.dynamodb.send(new PutItemCommand({ TableName, Item: { id: { S: "b" } } }));
    const listed = await streams("ListStreams", { TableName });
    expect(listed.Streams).toHaveLength(1);
    const StreamArn = listed.Streams[0]!.StreamArn;
    const { StreamDescription } = await streams("DescribeStream", { StreamArn });
    expect(StreamDescription).toMatchObject({
      StreamArn,
      StreamStatus: "ENABLED",
      StreamViewType: "NEW_IMAGE",
      TableName,
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    });
    const ShardId = StreamDescription.Shards[0]!.ShardId;
    const { ShardIterator } = await streams("GetShardIterator", {
      StreamArn,
      ShardId,
      ShardIteratorType: "TRIM_HORIZON",
    });
    const page = await streams("GetRecords", { ShardIterator, Limit: 1 });
    expect(page.Records.map((record) => record.dynamodb.Keys.id.S)).toEqual(["a"]);
    expect(page.Records[0]?.eventSourceARN).toBeUndefined();
    const rest = await streams("GetRecords", { ShardIterator: page.NextShardIterator });
    expect(rest.Records.map((record) => record.eventName)).toEqual(["INSERT"]);
    const after = await streams("GetShardIterator", {
      StreamArn,
      ShardId,
      ShardIteratorType: "AFTER_SEQUENCE_NUMBER",
      SequenceNumber: page.Records[0]?.dynamodb.SequenceNumber,
    });
    const fromAfter = await streams("GetRecords", { ShardIterator: after.ShardIterator });
    expect(fromAfter.Records.map((record) => record.dynamodb.Keys.id.S)).toEqual(["b"]);
  });

  it("answers an unknown stream with ResourceNotFoundException", async () => {
    const answer = await streams("DescribeStream", {
      StreamArn: "arn:aws:dynamodb:eu-west-1:000000000000:table/x/stream/y",
    });
    expect(answer).toMatchObject({ status: 400, __type: "ResourceNotFoundException" });
  });
});
