import { type DynamoDbOperation, passThrough } from "./dynamodb-operation.js";
import { ITEM_WRITES } from "./item-writes.js";
import { TABLE_OPERATIONS } from "./table-operations.js";

/** The operations dynalite implements and that touch no stream: answered by dynalite as they are. */
const READS_AND_TAGS = [
  "BatchGetItem",
  "GetItem",
  "Query",
  "Scan",
  "ListTables",
  "DescribeTimeToLive",
  "TagResource",
  "UntagResource",
  "ListTagsOfResource",
];

/** Every DynamoDB operation the emulator answers; the others are refused by name. */
export const DYNAMODB_OPERATIONS: Readonly<Record<string, DynamoDbOperation>> = {
  ...Object.fromEntries(READS_AND_TAGS.map((operation) => [operation, passThrough(operation)])),
  ...ITEM_WRITES,
  ...TABLE_OPERATIONS,
};
