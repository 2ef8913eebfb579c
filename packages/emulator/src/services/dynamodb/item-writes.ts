import { AwsServiceError } from "../errors.js";
import type { EngineResponse } from "./dynalite-engine.js";
import { tableKey } from "./dynamodb-backend.js";
import {
  type DynamoDbContext,
  type DynamoDbOperation,
  type Input,
  isRecord,
  OK,
} from "./dynamodb-operation.js";
import type { Image } from "./item-images.js";
import type { TableStream } from "./table-stream.js";

/** An item a write may change, on a table whose stream records the change. */
interface WriteTarget {
  readonly stream: TableStream;
  readonly key: Image;
}

/** The key named by a single-item write: the item's key attributes, or its `Key`. */
type KeySource = (input: Input) => unknown;

const singleItemWrite =
  (operation: string, keySource: KeySource): DynamoDbOperation =>
  (input, context) => {
    const target = writeTarget(context, input.TableName, keySource(input));
    const write = () => context.engine.call(operation, input);
    return target ? captureWrites(context, [target], write) : write();
  };

const batchWriteItem: DynamoDbOperation = (input, context) => {
  const targets = isRecord(input.RequestItems) ? batchTargets(context, input.RequestItems) : [];
  const write = () => context.engine.call("BatchWriteItem", input);
  return targets.length > 0 ? captureWrites(context, targets, write) : write();
};

/** The writes that DynamoDB Streams records, each around dynalite's own implementation. */
export const ITEM_WRITES: Readonly<Record<string, DynamoDbOperation>> = {
  PutItem: singleItemWrite("PutItem", (input) => input.Item),
  UpdateItem: singleItemWrite("UpdateItem", (input) => input.Key),
  DeleteItem: singleItemWrite("DeleteItem", (input) => input.Key),
  BatchWriteItem: batchWriteItem,
};

function writeTarget(
  context: DynamoDbContext,
  table: unknown,
  item: unknown,
): WriteTarget | undefined {
  if (typeof table !== "string" || !isRecord(item)) return undefined;
  const stream = context.backend.enabledStream(context.region, table);
  const key = stream?.keyOf(item as Image);
  return stream && key ? { stream, key } : undefined;
}

function batchTargets(
  context: DynamoDbContext,
  requestItems: Record<string, unknown>,
): WriteTarget[] {
  const targets: WriteTarget[] = [];
  for (const [table, requests] of Object.entries(requestItems)) {
    if (!Array.isArray(requests)) continue;
    for (const request of requests) {
      const item = isRecord(request)
        ? (recordField(request.PutRequest, "Item") ?? recordField(request.DeleteRequest, "Key"))
        : undefined;
      const target = writeTarget(context, table, item);
      if (target) targets.push(target);
    }
  }
  return targets;
}

function recordField(value: unknown, field: string): unknown {
  return isRecord(value) ? value[field] : undefined;
}

/**
 * Runs a write with its tables locked, reading each item it may change before and after, and
 * records the changes on the tables' streams. A write that fails (a condition not met, an
 * invalid request) changes nothing and records nothing.
 */
function captureWrites(
  context: DynamoDbContext,
  targets: readonly WriteTarget[],
  write: () => Promise<EngineResponse>,
): Promise<EngineResponse> {
  const tables = targets.map(({ stream }) => tableKey(stream.region, stream.tableName));
  return context.backend.locks.run(tables.sort(), async () => {
    const before = await readItems(context, targets);
    // A key the engine cannot read is an invalid request: the write reports it.
    if (!before) return write();
    const response = await write();
    if (response.statusCode !== OK) return response;
    const after = (await readItems(context, targets)) ?? [];
    for (const [index, { stream }] of targets.entries()) {
      stream.recordChange(before[index], after[index]);
    }
    return response;
  });
}

async function readItems(
  { engine }: DynamoDbContext,
  targets: readonly WriteTarget[],
): Promise<(Image | undefined)[] | undefined> {
  try {
    return await Promise.all(
      targets.map(async ({ stream, key }) => {
        const output = await engine.request("GetItem", {
          TableName: stream.tableName,
          Key: key,
          ConsistentRead: true,
        });
        return isRecord(output.Item) ? (output.Item as Image) : undefined;
      }),
    );
  } catch (error) {
    if (error instanceof AwsServiceError) return undefined;
    throw error;
  }
}
