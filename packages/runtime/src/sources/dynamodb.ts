import type { DynamoDBStreamEvent } from "aws-lambda";
import { arnResourceName } from "./arn.js";
import { Fields, firstRecord } from "./fields.js";

export const DYNAMODB_EVENT_SOURCE = "aws:dynamodb";

/** Lambda's DynamoDB Streams poller sets `eventSource: "aws:dynamodb"` on every record. */
export function isDynamoDbStreamEvent(event: unknown): event is DynamoDBStreamEvent {
  return firstRecord(event)?.eventSource === DYNAMODB_EVENT_SOURCE;
}

/** The table of a stream ARN, `arn:…:table/<table>/stream/<label>`. */
export function dynamoDbTableName(streamArn: string): string | null {
  return arnResourceName(streamArn, "table");
}

/** A batch of stream records, routed by table name (one mapping reads one stream). */
export interface DynamoDbSource {
  readonly kind: "dynamodb";
  readonly event: DynamoDBStreamEvent;
  readonly key: string | null;
}

export function detectDynamoDb(event: DynamoDBStreamEvent, path = ""): DynamoDbSource {
  const streamArn = Fields.of(event, path).item("Records", 0).string("eventSourceARN");
  return { kind: "dynamodb", event, key: dynamoDbTableName(streamArn) };
}
