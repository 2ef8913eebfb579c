import type { DynamoDbRegistration, TableDescription } from "@domovoi/runtime";
import { engineError } from "../dynamodb/dynalite-engine.js";
import { dynamoDbEventSourceMapping } from "../dynamodb/index.js";
import type { AwsRequest } from "../service.js";
import { messageOf, type ProvisionContext, type Provisioner } from "./provision-context.js";
import { resourceRegion } from "./resource-region.js";

/** The table of a registration that does not describe it (documented in the README). */
export const DEFAULT_TABLE: TableDescription = {
  partitionKey: { name: "id", type: "S" },
  streamViewType: "NEW_AND_OLD_IMAGES",
};

/**
 * A `dynamodbStreamHandler`: its table with a stream (as the registration's `table` option
 * describes it, else {@link DEFAULT_TABLE}; a table that exists is used as it is) and the
 * stream's event source mapping.
 */
export const provisionTableHandler: Provisioner<DynamoDbRegistration> = async (
  registration,
  context,
) => {
  const { options } = registration;
  const region = resourceRegion(options.tableArn, context.region);
  const tableName = registration.key;
  await ensureTable(context, region, tableName, options.table ?? DEFAULT_TABLE);
  if (!context.backends.dynamoDb.enabledStream(region, tableName)) {
    context.warn(
      `Table ${tableName} has no stream: ${registration.name} receives nothing until one is enabled (UpdateTable with a StreamSpecification).`,
    );
  }
  const mapping = dynamoDbEventSourceMapping({
    backend: context.backends.dynamoDb,
    region,
    tableName,
    invoker: context.appFunction.invoker,
    functionArn: context.functionArn,
    config: options,
    onError: (error) =>
      context.warn(`The stream mapping of table ${tableName} failed: ${messageOf(error)}`),
  });
  mapping.start();
  return { stop: () => mapping.stop() };
};

/** Creates the table through DynamoDB's own CreateTable, unless it exists. */
async function ensureTable(
  context: ProvisionContext,
  region: string,
  tableName: string,
  table: TableDescription,
): Promise<void> {
  const { dynamoDb, dynamoDbApi } = context.backends;
  const existing = await dynamoDb.engine(region).call("DescribeTable", { TableName: tableName });
  if (existing.statusCode === 200) return;
  const response = await dynamoDbApi.handle(createTableRequest(region, tableName, table));
  if (response.statusCode !== 200) {
    throw engineError(response.statusCode, JSON.parse(String(response.body)));
  }
}

function createTableRequest(
  region: string,
  tableName: string,
  table: TableDescription,
): AwsRequest {
  const keys = [
    { ...table.partitionKey, keyType: "HASH" },
    ...(table.sortKey ? [{ ...table.sortKey, keyType: "RANGE" }] : []),
  ];
  const input = {
    TableName: tableName,
    KeySchema: keys.map(({ name, keyType }) => ({ AttributeName: name, KeyType: keyType })),
    AttributeDefinitions: keys.map(({ name, type }) => ({
      AttributeName: name,
      AttributeType: type,
    })),
    BillingMode: "PAY_PER_REQUEST",
    StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamViewType },
  };
  return {
    method: "POST",
    path: "/",
    query: new URLSearchParams(),
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": "DynamoDB_20120810.CreateTable",
    },
    body: Buffer.from(JSON.stringify(input)),
    service: "dynamodb",
    region,
  };
}
