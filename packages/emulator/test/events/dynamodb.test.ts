import type { DynamoDBStreamEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../../../test/support/corpora.js";
import { marshallItem } from "../../src/events/dynamodb-marshall.js";
import { generateDynamoDbEvent, STREAM_VIEW_TYPES } from "../../src/events/index.js";
import { fixedSources } from "./support.js";

const fail = (path: string, problem: string): never => {
  throw new Error(`${path}: ${problem}`);
};
const bytes = (base64: string) => Buffer.from(base64, "base64");

describe("marshallItem", () => {
  it("writes every attribute type as the aws-lambda-go fixture shows it", () => {
    const fixture = readCorpus<DynamoDBStreamEvent>("events/aws-lambda-go/dynamodb-event.json");
    const { EmptyStringSet, ...expected } = fixture.Records[1]?.dynamodb?.NewImage ?? {};
    // DynamoDB rejects empty sets, so the fixture's EmptyStringSet has no plain counterpart.
    expect(EmptyStringSet).toEqual({ SS: [] });
    const item = {
      val: "data",
      asdf1: bytes("AAEqQQ=="),
      b2: bytes("test"),
      asdf2: new Set([bytes("AAEqQQ=="), bytes("QSoBAA=="), bytes("AAEqQQ==")]),
      key: "binary",
      Binary: bytes("AAEqQQ=="),
      Boolean: true,
      BinarySet: new Set([bytes("AAEqQQ=="), bytes("AAEqQQ==")]),
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: the fixture's number, not π
      List: ["Cookies", "Coffee", 3.14159],
      Map: { Name: "Joe", Age: 35 },
      FloatNumber: 123.45,
      IntegerNumber: 123,
      NumberSet: new Set([1234, 567.8]),
      Null: null,
      String: "Hello",
      StringSet: new Set(["Giraffe", "Zebra"]),
    };
    expect(marshallItem(item, "item", fail)).toEqual(expected);
  });

  it("writes bigints as numbers and leaves undefined properties out", () => {
    expect(marshallItem({ big: 2n ** 70n, gone: undefined }, "item", fail)).toEqual({
      big: { N: "1180591620717411303424" },
    });
  });

  it.each([
    ["a Date", { d: new Date(0) }, "item.d"],
    ["an empty set", { s: new Set() }, "item.s"],
    ["a mixed set", { s: new Set(["a", 1]) }, "item.s"],
    ["NaN", { n: Number.NaN }, "item.n"],
    ["undefined in a list", { l: [1, undefined] }, "item.l[1]"],
    ["a function", { f: () => 1 }, "item.f"],
  ])("rejects %s", (_, item, path) => {
    expect(() => marshallItem(item, "item", fail)).toThrow(
      new RegExp(`^${path.replace(/[[\]]/g, "\\$&")}: `),
    );
  });
});

describe("generateDynamoDbEvent", () => {
  // The time-window fixture streams INSERT, MODIFY and REMOVE of one item with their sizes.
  it("reports the SizeBytes DynamoDB reports for the same changes", () => {
    const fixture = readCorpus<DynamoDBStreamEvent>(
      "events/aws-lambda-go/dynamodb-time-window-event.json",
    );
    const event = generateDynamoDbEvent(
      {
        table: "Example-Table",
        partitionKey: "Id",
        records: [
          { newItem: { Message: "New item!", Id: 101 } },
          {
            oldItem: { Message: "New item!", Id: 101 },
            newItem: { Message: "This item has changed", Id: 101 },
          },
          { oldItem: { Message: "This item has changed", Id: 101 } },
        ],
      },
      fixedSources(),
    );
    const sizes = (stream: DynamoDBStreamEvent) =>
      stream.Records.map((record) => record.dynamodb?.SizeBytes);
    expect(sizes(event)).toEqual(sizes(fixture));
    expect(event.Records.map((record) => record.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    const { Keys, NewImage, OldImage, StreamViewType } = fixture.Records[1]?.dynamodb ?? {};
    expect(event.Records[1]?.dynamodb).toMatchObject({ Keys, NewImage, OldImage, StreamViewType });
  });

  it("derives the keys from the key schema", () => {
    const [record] = generateDynamoDbEvent(
      {
        table: "Orders",
        partitionKey: "customer",
        sortKey: "order",
        newItem: { customer: "c1", order: 7, total: 10 },
      },
      fixedSources(),
    ).Records;
    expect(record?.dynamodb?.Keys).toEqual({ customer: { S: "c1" }, order: { N: "7" } });
    expect(record?.eventSourceARN).toBe(
      "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2024-05-01T12:00:00.123",
    );
  });

  it.each(STREAM_VIEW_TYPES)("includes the images of a %s stream", (streamViewType) => {
    const [record] = generateDynamoDbEvent(
      { table: "T-1", streamViewType, oldItem: { id: "a", v: 1 }, newItem: { id: "a", v: 2 } },
      fixedSources(),
    ).Records;
    const images = Object.keys(record?.dynamodb ?? {}).filter((field) => field.endsWith("Image"));
    const expected = {
      KEYS_ONLY: [],
      NEW_IMAGE: ["NewImage"],
      OLD_IMAGE: ["OldImage"],
      NEW_AND_OLD_IMAGES: ["NewImage", "OldImage"],
    };
    expect(images).toEqual(expected[streamViewType]);
    expect(record?.dynamodb?.StreamViewType).toBe(streamViewType);
  });

  it("stamps creation in whole seconds and numbers records in order", () => {
    const event = generateDynamoDbEvent(
      { table: "T-1", records: [{ newItem: { id: "a" } }, { newItem: { id: "b" } }] },
      fixedSources(),
    );
    const [first, second] = event.Records.map((record) => record.dynamodb);
    expect(first?.ApproximateCreationDateTime).toBe(
      Math.floor(Date.parse("2024-05-01T12:00:00.123Z") / 1000),
    );
    expect(BigInt(second?.SequenceNumber ?? "0")).toBeGreaterThan(
      BigInt(first?.SequenceNumber ?? "0"),
    );
    expect(event.Records[0]?.eventID).toMatch(/^[0-9a-f]{32}$/);
  });

  it("marks Time to Live deletions with DynamoDB's identity", () => {
    const [record] = generateDynamoDbEvent(
      { table: "T-1", oldItem: { id: "a" }, ttl: true },
      fixedSources(),
    ).Records;
    expect(record?.userIdentity).toEqual({
      type: "Service",
      principalId: "dynamodb.amazonaws.com",
    });
  });

  it("accepts a stream ARN", () => {
    const arn =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Example-Table/stream/2016-12-01T00:00:00.000";
    const [record] = generateDynamoDbEvent(
      { table: arn, newItem: { id: "a" } },
      fixedSources(),
    ).Records;
    expect(record).toMatchObject({ eventSourceARN: arn, awsRegion: "eu-west-1" });
  });

  it.each([
    ["no item", { table: "T-1" }, "newItem"],
    ["an item without its key", { table: "T-1", newItem: { name: "x" } }, "newItem"],
    ["an empty string key", { table: "T-1", newItem: { id: "" } }, "newItem"],
    [
      "a MODIFY that changes the key",
      { table: "T-1", oldItem: { id: "a" }, newItem: { id: "b" } },
      "oldItem",
    ],
    [
      "an event name that contradicts the items",
      { table: "T-1", eventName: "MODIFY", newItem: { id: "a" } },
      "eventName",
    ],
    ["ttl on an insert", { table: "T-1", newItem: { id: "a" }, ttl: true }, "ttl"],
    [
      "a value DynamoDB cannot store",
      { table: "T-1", newItem: { id: "a", when: new Date() } },
      "newItem.when",
    ],
    ["a short table name", { table: "T", newItem: { id: "a" } }, "table"],
    [
      "records and a single item together",
      { table: "T-1", newItem: { id: "a" }, records: [{ newItem: { id: "b" } }] },
      "newItem",
    ],
    [
      "an unknown stream view type",
      { table: "T-1", streamViewType: "ALL", newItem: { id: "a" } },
      "streamViewType",
    ],
  ])("rejects %s", (_, params, param) => {
    expect(() => generateDynamoDbEvent(params as never, fixedSources())).toThrow(
      expect.objectContaining({ kind: "dynamodb", param }),
    );
  });

  it("names the item inside a list of records", () => {
    expect(() =>
      generateDynamoDbEvent({
        table: "T-1",
        records: [{ newItem: { id: "a" } }, { newItem: { x: 1 } }],
      }),
    ).toThrow(expect.objectContaining({ param: "records[1].newItem" }));
  });
});
