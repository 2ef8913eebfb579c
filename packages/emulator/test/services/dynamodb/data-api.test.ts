import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf } from "../streams/support.js";
import { type DynamoDbHarness, REGION, startDynamoDb, uniqueTable } from "./harness.js";

let h: DynamoDbHarness;
beforeAll(async () => {
  h = await startDynamoDb();
});
afterAll(() => h.close());

const key = (id: string) => ({ id: { S: id } });

describe("the data API, answered by dynalite in-process", () => {
  it("puts, gets, updates and deletes an item", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName, null);
    await h.dynamodb.send(
      new PutItemCommand({ TableName, Item: { ...key("a"), beers: { N: "1" } } }),
    );
    const updated = await h.dynamodb.send(
      new UpdateItemCommand({
        TableName,
        Key: key("a"),
        UpdateExpression: "SET beers = beers + :one",
        ExpressionAttributeValues: { ":one": { N: "1" } },
        ReturnValues: "ALL_NEW",
      }),
    );
    expect(updated.Attributes).toEqual({ ...key("a"), beers: { N: "2" } });
    const got = await h.dynamodb.send(new GetItemCommand({ TableName, Key: key("a") }));
    expect(got.Item).toEqual({ ...key("a"), beers: { N: "2" } });
    await h.dynamodb.send(new DeleteItemCommand({ TableName, Key: key("a") }));
    expect(
      (await h.dynamodb.send(new GetItemCommand({ TableName, Key: key("a") }))).Item,
    ).toBeUndefined();
  });

  it("queries and scans, with BatchWriteItem putting and deleting", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName, null, {
      KeySchema: [
        { AttributeName: "id", KeyType: "HASH" },
        { AttributeName: "at", KeyType: "RANGE" },
      ],
      AttributeDefinitions: [
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "at", AttributeType: "N" },
      ],
    });
    const put = (at: number) => ({
      PutRequest: { Item: { ...key("bar"), at: { N: String(at) } } },
    });
    await h.dynamodb.send(
      new BatchWriteItemCommand({ RequestItems: { [TableName]: [put(1), put(2), put(3)] } }),
    );
    await h.dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [TableName]: [{ DeleteRequest: { Key: { ...key("bar"), at: { N: "2" } } } }],
        },
      }),
    );
    const query = await h.dynamodb.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: "id = :id AND #at > :from",
        ExpressionAttributeNames: { "#at": "at" },
        ExpressionAttributeValues: { ":id": { S: "bar" }, ":from": { N: "0" } },
      }),
    );
    expect(query.Items?.map((item) => item.at?.N)).toEqual(["1", "3"]);
    const scan = await h.dynamodb.send(new ScanCommand({ TableName }));
    expect(scan.Count).toBe(2);
  });

  it("refuses a write whose condition fails, with DynamoDB's exception", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName);
    await h.dynamodb.send(new PutItemCommand({ TableName, Item: key("a") }));
    const error = await h.dynamodb
      .send(
        new PutItemCommand({
          TableName,
          Item: key("a"),
          ConditionExpression: "attribute_not_exists(id)",
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConditionalCheckFailedException);
    expect((error as Error).message).toBe("The conditional request failed");
  });

  it("answers a missing table with ResourceNotFoundException", async () => {
    const error = await h.dynamodb
      .send(new GetItemCommand({ TableName: "no-such-table", Key: key("a") }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });

  it("refuses an operation dynalite lacks by name", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName);
    const failure = await failureOf(
      h.dynamodb.send(
        new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName, Item: key("a") } }] }),
      ),
    );
    expect(failure).toEqual({
      name: "UnknownOperationException",
      message: expect.stringContaining('DynamoDB operation "TransactWriteItems"'),
      status: 400,
    });
  });
});

describe("table streams", () => {
  it("CreateTable with a StreamSpecification answers and describes the stream", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName, "NEW_IMAGE");
    const { Table } = await h.dynamodb.send(new DescribeTableCommand({ TableName }));
    expect(Table?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: "NEW_IMAGE",
    });
    expect(Table?.LatestStreamLabel).toBe("2024-05-01T12:00:00.000");
    expect(Table?.LatestStreamArn).toBe(
      `arn:aws:dynamodb:${REGION}:000000000000:table/${TableName}/stream/2024-05-01T12:00:00.000`,
    );
    expect(Table?.TableArn).toBe(`arn:aws:dynamodb:${REGION}:000000000000:table/${TableName}`);
  });

  it("UpdateTable enables a stream, and disabling keeps the latest stream's ARN", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName, null);
    const enabled = await h.dynamodb.send(
      new UpdateTableCommand({
        TableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" },
      }),
    );
    expect(enabled.TableDescription?.StreamSpecification?.StreamViewType).toBe("KEYS_ONLY");
    const arn = enabled.TableDescription?.LatestStreamArn;
    expect(arn).toMatch(/\/stream\//);
    const again = await failureOf(
      h.dynamodb.send(
        new UpdateTableCommand({
          TableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
        }),
      ),
    );
    expect(again.name).toBe("ValidationException");
    const disabled = await h.dynamodb.send(
      new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: false } }),
    );
    expect(disabled.TableDescription?.StreamSpecification).toBeUndefined();
    expect(disabled.TableDescription?.LatestStreamArn).toBe(arn);
  });

  it("rejects a stream without a view type", async () => {
    const failure = await failureOf(
      h.dynamodb.send(
        new UpdateTableCommand({
          TableName: uniqueTable(),
          StreamSpecification: { StreamEnabled: true },
        }),
      ),
    );
    expect(failure.name).toBe("ValidationException");
  });
});
