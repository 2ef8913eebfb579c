import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import { KinesisClient, PutRecordCommand } from "@aws-sdk/client-kinesis";
import { Domovoi } from "@domovoi/runtime";
import type { DynamoDBStreamEvent, KinesisStreamEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { REGION, wire } from "./harness.js";

describe("dynamodbStreamHandler registrations", () => {
  it("get a table with a stream, by default keyed by `id` with both images", async () => {
    const records: DynamoDBStreamEvent["Records"] = [];
    const app = new Domovoi({ name: "shop" });
    app.dynamodbStreamHandler("beers", async (event: DynamoDBStreamEvent) => {
      records.push(...event.Records);
    });
    const wired = await wire(app);
    const dynamodb = new DynamoDBClient(wired.sdk);
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: "beers" }));
    expect(Table).toMatchObject({
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
    });
    await dynamodb.send(
      new PutItemCommand({ TableName: "beers", Item: { id: { S: "quad" }, abv: { N: "10" } } }),
    );
    dynamodb.destroy();
    await wired.until(() => records.length > 0, "the stream record");
    expect(records[0]).toMatchObject({
      eventName: "INSERT",
      dynamodb: { Keys: { id: { S: "quad" } }, NewImage: { abv: { N: "10" } } },
    });
    expect(wired.invoker.triggers).toEqual(["dynamodb:beers"]);
  });

  it("describe the table with their `table` option", async () => {
    const app = new Domovoi({ name: "shop" });
    app.dynamodbStreamHandler(
      "orders",
      {
        table: {
          partitionKey: { name: "customer", type: "S" },
          sortKey: { name: "placed", type: "N" },
          streamViewType: "KEYS_ONLY",
        },
      },
      async () => {},
    );
    const wired = await wire(app);
    const dynamodb = new DynamoDBClient(wired.sdk);
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: "orders" }));
    dynamodb.destroy();
    expect(Table).toMatchObject({
      KeySchema: [
        { AttributeName: "customer", KeyType: "HASH" },
        { AttributeName: "placed", KeyType: "RANGE" },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" },
    });
  });

  it("use a table created through the SDK first as it is, and say when it has no stream", async () => {
    const app = new Domovoi({ name: "shop" });
    app.dynamodbStreamHandler("beers", async () => {});
    const wired = await wire(app, {}, async ({ sdk }) => {
      const dynamodb = new DynamoDBClient(sdk);
      await dynamodb.send(
        new CreateTableCommand({
          TableName: "beers",
          KeySchema: [{ AttributeName: "name", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "name", AttributeType: "S" }],
          BillingMode: "PAY_PER_REQUEST",
        }),
      );
      dynamodb.destroy();
    });
    expect(wired.aws.dynamoDb.latestStream(REGION, "beers")).toBeUndefined();
    expect(wired.warnings).toEqual([expect.stringMatching(/^Table beers has no stream/)]);
  });
});

describe("kinesisStreamHandler registrations", () => {
  it("get their stream, with its shard count, and its records in order", async () => {
    const data: string[] = [];
    const app = new Domovoi({ name: "shop" });
    app.kinesisStreamHandler("clicks", { shardCount: 2 }, async (event: KinesisStreamEvent) => {
      data.push(
        ...event.Records.map((record) => Buffer.from(record.kinesis.data, "base64").toString()),
      );
    });
    const wired = await wire(app);
    expect(wired.aws.kinesis.getStream(REGION, "clicks").shards).toHaveLength(2);
    const kinesis = new KinesisClient(wired.sdk);
    for (const click of ["one", "two"]) {
      await kinesis.send(
        new PutRecordCommand({
          StreamName: "clicks",
          PartitionKey: "user-1",
          Data: Buffer.from(click),
        }),
      );
    }
    kinesis.destroy();
    await wired.until(() => data.length === 2, "the records");
    expect(data).toEqual(["one", "two"]);
    expect(wired.invoker.triggers.every((trigger) => trigger === "kinesis:clicks")).toBe(true);
  });
});
