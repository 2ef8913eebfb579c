import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import type { DynamoDBRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectSource } from "../../../../runtime/src/sources/index.js";
import type { StreamViewType } from "../../../src/events/dynamodb.js";
import { dynamoDbEventSourceMapping } from "../../../src/services/dynamodb/index.js";
import { shapeDifferences } from "../../events/key-shape.js";
import { FAMILIES } from "../../events/samples.js";
import { FUNCTION_ARN, RecordingFunction, until } from "../streams/support.js";
import { type DynamoDbHarness, REGION, startDynamoDb, uniqueTable } from "./harness.js";

let h: DynamoDbHarness;
beforeAll(async () => {
  h = await startDynamoDb();
});
afterAll(() => h.close());

const key = { id: { S: "beer" } };
const first = { ...key, brand: { S: "Pils" }, count: { N: "1" } };
const second = { ...key, brand: { S: "Stout" }, count: { N: "1" } };

/** The records of the table's stream, as they are kept. */
const streamRecords = (table: string): DynamoDBRecord[] =>
  h.backend
    .latestStream(REGION, table)
    ?.shard.read(0, 100)
    .map((change) => change.record) ?? [];

/** INSERT, MODIFY (UpdateItem) and REMOVE of one item. */
async function insertModifyRemove(TableName: string): Promise<void> {
  await h.dynamodb.send(new PutItemCommand({ TableName, Item: first }));
  await h.dynamodb.send(
    new UpdateItemCommand({
      TableName,
      Key: key,
      UpdateExpression: "SET brand = :brand",
      ExpressionAttributeValues: { ":brand": { S: "Stout" } },
    }),
  );
  await h.dynamodb.send(new DeleteItemCommand({ TableName, Key: key }));
}

const IMAGES: Record<StreamViewType, (keyof NonNullable<DynamoDBRecord["dynamodb"]>)[][]> = {
  KEYS_ONLY: [[], [], []],
  NEW_IMAGE: [["NewImage"], ["NewImage"], []],
  OLD_IMAGE: [[], ["OldImage"], ["OldImage"]],
  NEW_AND_OLD_IMAGES: [["NewImage"], ["NewImage", "OldImage"], ["OldImage"]],
};

describe("stream records of the writes", () => {
  it.each(Object.entries(IMAGES))("INSERT, MODIFY, REMOVE with %s", async (viewType, images) => {
    const TableName = uniqueTable();
    await h.createTable(TableName, viewType as StreamViewType);
    await insertModifyRemove(TableName);
    const records = streamRecords(TableName);
    expect(records.map((record) => record.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    const all = { NewImage: [second, second, undefined], OldImage: [undefined, first, second] };
    records.forEach((record, index) => {
      expect(record.dynamodb?.Keys).toEqual(key);
      expect(record.dynamodb?.StreamViewType).toBe(viewType);
      for (const image of ["NewImage", "OldImage"] as const) {
        const expected = images[index]?.includes(image) ? all[image][index] : undefined;
        expect(record.dynamodb?.[image]).toEqual(
          index === 0 && image === "NewImage" && expected ? first : expected,
        );
      }
    });
  });

  it("numbers records in order, with their times and sizes", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName, "NEW_AND_OLD_IMAGES");
    await insertModifyRemove(TableName);
    const records = streamRecords(TableName);
    const numbers = records.map((record) => BigInt(record.dynamodb?.SequenceNumber ?? ""));
    expect(numbers).toEqual([...numbers].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(numbers).size).toBe(3);
    expect(records[0]?.dynamodb?.SequenceNumber).toMatch(/^\d{21,40}$/);
    expect(records.map((record) => record.dynamodb?.ApproximateCreationDateTime)).toEqual([
      1714564800, 1714564800, 1714564800,
    ]);
    // Keys (id: 2 + 4 bytes), then the images: brand 5 + 4 or 5, count 5 + 2.
    expect(records.map((record) => record.dynamodb?.SizeBytes)).toEqual([28, 51, 29]);
  });

  it("records nothing for a failed condition or a write that changes nothing", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName, "NEW_AND_OLD_IMAGES");
    await h.dynamodb.send(new PutItemCommand({ TableName, Item: first }));
    await h.dynamodb
      .send(
        new PutItemCommand({
          TableName,
          Item: second,
          ConditionExpression: "attribute_not_exists(id)",
        }),
      )
      .catch(() => undefined);
    await h.dynamodb.send(new PutItemCommand({ TableName, Item: first }));
    await h.dynamodb.send(new DeleteItemCommand({ TableName, Key: { id: { S: "missing" } } }));
    expect(streamRecords(TableName).map((record) => record.eventName)).toEqual(["INSERT"]);
  });

  it("records each item a BatchWriteItem changes, in request order", async () => {
    const TableName = uniqueTable();
    await h.createTable(TableName, "KEYS_ONLY");
    await h.dynamodb.send(new PutItemCommand({ TableName, Item: { id: { S: "b" } } }));
    await h.dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [TableName]: [
            { PutRequest: { Item: { id: { S: "a" } } } },
            { DeleteRequest: { Key: { id: { S: "b" } } } },
          ],
        },
      }),
    );
    const records = streamRecords(TableName);
    expect(records.map((record) => [record.eventName, record.dynamodb?.Keys?.id?.S])).toEqual([
      ["INSERT", "b"],
      ["INSERT", "a"],
      ["REMOVE", "b"],
    ]);
  });
});

describe("delivery to dynamodbStreamHandler", () => {
  it("delivers INSERT, MODIFY and REMOVE in order, shaped as Lambda's records", async () => {
    const TableName = uniqueTable("MyDynamoTable");
    await h.createTable(TableName, "NEW_AND_OLD_IMAGES");
    const fn = new RecordingFunction<DynamoDBRecord>();
    const mapping = dynamoDbEventSourceMapping({
      backend: h.backend,
      region: REGION,
      tableName: TableName,
      invoker: fn,
      functionArn: FUNCTION_ARN,
    });
    mapping.start();
    await insertModifyRemove(TableName);
    await until(() => fn.calls.flatMap((call) => call.records).length === 3, "three records");
    await mapping.stop();
    const records = fn.calls.flatMap((call) => call.records);
    expect(records.map((record) => record.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    expect(fn.calls[0]?.request).toMatchObject({
      invocationType: "RequestResponse",
      trigger: `dynamodb:${TableName}`,
    });
    const event = { Records: records };
    expect(shapeDifferences(event, FAMILIES.dynamodb.fixtures(), FAMILIES.dynamodb.rules)).toEqual({
      unknown: [],
      missing: [],
    });
    expect(detectSource(event)).toMatchObject({ kind: "dynamodb", key: TableName });
  });
});
