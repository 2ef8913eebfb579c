import type { DynamoDBStreamEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import {
  detectDynamoDb,
  dynamoDbTableName,
  isDynamoDbStreamEvent,
} from "../../src/sources/index.js";
import { casesLabelled, loadEvent } from "./corpus.js";

describe("DynamoDB corpus fixtures", () => {
  for (const entry of casesLabelled("dynamodb")) {
    it(entry.file, () => {
      const event = loadEvent(entry.file);
      expect(isDynamoDbStreamEvent(event)).toBe(true);
      const detected = detectDynamoDb(event as unknown as DynamoDBStreamEvent);
      expect(detected).toEqual({ kind: "dynamodb", event, key: entry.key });
    });
  }
});

describe("DynamoDB streams", () => {
  it("are routed by the table of the stream ARN", () => {
    const arn =
      "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000";
    expect(dynamoDbTableName(arn)).toBe("Orders");
    expect(dynamoDbTableName("arn:aws:dynamodb:us-east-1:123456789012:index/Orders")).toBeNull();
    expect(dynamoDbTableName("stream-ARN")).toBeNull();
  });

  it("must name their stream", () => {
    const event = loadEvent<DynamoDBStreamEvent>(casesLabelled("dynamodb")[0]!.file);
    const records = [{ ...event.Records[0], eventSourceARN: ["x"] }];
    expect(() => detectDynamoDb({ Records: records } as never)).toThrow(
      expect.objectContaining({ path: "Records[0].eventSourceARN", found: "an array" }),
    );
  });
});
