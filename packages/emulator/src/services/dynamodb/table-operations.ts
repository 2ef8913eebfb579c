import { setImmediate as nextMacrotask } from "node:timers/promises";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import type { EngineResponse } from "./dynalite-engine.js";
import { validationError } from "./dynamodb-errors.js";
import {
  type DynamoDbContext,
  type DynamoDbOperation,
  type Input,
  isRecord,
  OK,
} from "./dynamodb-operation.js";
import { readStreamSpecification, type StreamSpecification } from "./stream-specification.js";
import type { KeySchemaElement, TableStream } from "./table-stream.js";

const createTable: DynamoDbOperation = async (input, context) => {
  const { StreamSpecification: value, ...rest } = input;
  const specification = readStreamSpecification(value);
  const response = await context.engine.call("CreateTable", rest);
  if (response.statusCode !== OK) return response;
  const table = String(input.TableName);
  // dynalite makes a table ACTIVE on its next tick; answering after it lets a script write at once.
  await untilStatus(context, table, (status) => status === "ACTIVE");
  context.backend.forgetTable(context.region, table);
  if (specification?.enabled) enable(context, table, specification, input.KeySchema);
  return withStream(response, "TableDescription", context, table);
};

const describeTable: DynamoDbOperation = async (input, context) =>
  withStream(
    await context.engine.call("DescribeTable", input),
    "Table",
    context,
    String(input.TableName),
  );

const updateTable: DynamoDbOperation = async (input, context) => {
  const { StreamSpecification: value, ...rest } = input;
  const specification = readStreamSpecification(value);
  const table = String(input.TableName);
  if (specification) checkStreamChange(context, table, specification);
  const response =
    specification && Object.keys(rest).length === 1
      ? await describedAsUpdated(context, rest)
      : await context.engine.call("UpdateTable", rest);
  if (response.statusCode !== OK) return response;
  if (specification?.enabled) {
    const described = await context.engine.request("DescribeTable", { TableName: table });
    enable(context, table, specification, (described.Table as Input | undefined)?.KeySchema);
  } else if (specification) {
    context.backend.disableStream(context.region, table);
  }
  return withStream(response, "TableDescription", context, table);
};

const deleteTable: DynamoDbOperation = async (input, context) => {
  const response = await context.engine.call("DeleteTable", input);
  if (response.statusCode !== OK) return response;
  const table = String(input.TableName);
  await untilStatus(context, table, (status) => status === undefined);
  const decorated = withStream(response, "TableDescription", context, table);
  context.backend.forgetTable(context.region, table);
  return decorated;
};

/** The table operations, which carry the streams Domovoi keeps beside dynalite's tables. */
export const TABLE_OPERATIONS: Readonly<Record<string, DynamoDbOperation>> = {
  CreateTable: createTable,
  DescribeTable: describeTable,
  UpdateTable: updateTable,
  DeleteTable: deleteTable,
};

function enable(
  context: DynamoDbContext,
  table: string,
  specification: Extract<StreamSpecification, { enabled: true }>,
  keySchema: unknown,
): TableStream {
  const elements = Array.isArray(keySchema) ? (keySchema as KeySchemaElement[]) : [];
  return context.backend.enableStream(context.region, table, specification.viewType, elements);
}

function checkStreamChange(
  context: DynamoDbContext,
  table: string,
  specification: StreamSpecification,
): void {
  const current = context.backend.enabledStream(context.region, table);
  if (specification.enabled && current) {
    throw validationError(
      `Table already has an enabled stream: TableName: ${table}, StreamArn: ${current.arn}`,
    );
  }
  if (!specification.enabled && !current) {
    throw validationError(`Table ${table} does not have an enabled stream to disable.`);
  }
}

/** An UpdateTable that only changes the stream: dynalite has nothing to update. */
async function describedAsUpdated(context: DynamoDbContext, input: Input): Promise<EngineResponse> {
  const response = await context.engine.call("DescribeTable", input);
  if (response.statusCode !== OK) return response;
  const { Table } = JSON.parse(response.body) as Input;
  return { statusCode: OK, body: JSON.stringify({ TableDescription: Table }) };
}

/** Adds the stream settings DynamoDB reports, and the ARN in the request's region. */
function withStream(
  response: EngineResponse,
  field: "Table" | "TableDescription",
  context: DynamoDbContext,
  table: string,
): EngineResponse {
  if (response.statusCode !== OK) return response;
  const body = JSON.parse(response.body) as Record<string, unknown>;
  const description = body[field];
  if (!isRecord(description)) return response;
  const stream = context.backend.latestStream(context.region, table);
  body[field] = {
    ...description,
    TableArn: `arn:aws:dynamodb:${context.region}:${LOCAL_ACCOUNT_ID}:table/${table}`,
    ...(stream?.enabled && {
      StreamSpecification: { StreamEnabled: true, StreamViewType: stream.viewType },
    }),
    ...(stream && { LatestStreamLabel: stream.label, LatestStreamArn: stream.arn }),
  };
  return { statusCode: OK, body: JSON.stringify(body) };
}

const STATUS_CHECKS = 100;

/** Waits for dynalite's own timer to move the table to the state it is headed for. */
async function untilStatus(
  { engine }: DynamoDbContext,
  table: string,
  reached: (status: string | undefined) => boolean,
): Promise<void> {
  for (let check = 0; check < STATUS_CHECKS; check++) {
    const response = await engine.call("DescribeTable", { TableName: table });
    const described = response.statusCode === OK ? (JSON.parse(response.body) as Input) : {};
    const status = isRecord(described.Table) ? String(described.Table.TableStatus) : undefined;
    if (reached(status)) return;
    await nextMacrotask();
  }
}
