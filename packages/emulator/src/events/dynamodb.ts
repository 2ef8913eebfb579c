import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent, StreamRecord } from "aws-lambda";
import {
  createContext,
  type EventContext,
  epochSeconds,
  type GeneratorOptions,
  isoMillis,
} from "./context.js";
import { type Image, imageSize, marshallItem } from "./dynamodb-marshall.js";
import { hexId } from "./ids.js";
import { checkTableName } from "./names.js";
import { type Check, ParamReader } from "./params.js";
import { type Resource, type ResourceType, readResource } from "./resources.js";

export const STREAM_VIEW_TYPES = [
  "KEYS_ONLY",
  "NEW_IMAGE",
  "OLD_IMAGE",
  "NEW_AND_OLD_IMAGES",
] as const;
export type StreamViewType = (typeof STREAM_VIEW_TYPES)[number];
const EVENT_NAMES = ["INSERT", "MODIFY", "REMOVE"] as const;
type ChangeName = (typeof EVENT_NAMES)[number];

/** One change to one item; the event name follows from which items are given when omitted. */
export interface DynamoDbRecordInput {
  readonly eventName?: ChangeName;
  /** The item after the change (INSERT, MODIFY), as a plain object. */
  readonly newItem?: Readonly<Record<string, unknown>>;
  /** The item before the change (MODIFY, REMOVE). */
  readonly oldItem?: Readonly<Record<string, unknown>>;
  /** A REMOVE made by Time to Live, which the record marks with DynamoDB's service identity. */
  readonly ttl?: boolean;
}

/** One change (the record fields) or several (`records`). */
export interface DynamoDbEventParams extends DynamoDbRecordInput {
  /** Table name or stream ARN. */
  readonly table: string;
  /** The key schema: partition key name (default `id`) and optional sort key name. */
  readonly partitionKey?: string;
  readonly sortKey?: string;
  readonly streamViewType?: StreamViewType;
  readonly records?: readonly DynamoDbRecordInput[];
}

interface KeySchema {
  readonly partitionKey: string;
  readonly sortKey?: string;
}

const RECORD_FIELDS = ["eventName", "newItem", "oldItem", "ttl"];

const checkKeyName: Check<string> = (name) =>
  name !== "" && Buffer.byteLength(name) <= 255
    ? undefined
    : "key attribute names are 1 to 255 bytes";
const MAX_BATCH = 10_000;

export function generateDynamoDbEvent(
  params: DynamoDbEventParams,
  options?: GeneratorOptions,
): DynamoDBStreamEvent {
  const ctx = createContext("dynamodb", options);
  const reader = ParamReader.of("dynamodb", params, [
    "table",
    "partitionKey",
    "sortKey",
    "streamViewType",
    "records",
    ...RECORD_FIELDS,
  ]);
  const table = readResource(reader, "table", tableStream(isoMillis(ctx.time).slice(0, -1)), ctx);
  const sortKey = reader.optionalString("sortKey", checkKeyName);
  const schema: KeySchema = {
    partitionKey: reader.optionalString("partitionKey", checkKeyName) ?? "id",
    ...(sortKey !== undefined && { sortKey }),
  };
  const viewType = reader.optionalEnum("streamViewType", STREAM_VIEW_TYPES) ?? "NEW_AND_OLD_IMAGES";
  const items = reader.oneOrMany("records", RECORD_FIELDS, MAX_BATCH);
  return {
    Records: items.map((item, index) =>
      streamRecord(table, readChange(item, schema), viewType, index, ctx),
    ),
  };
}

/** Stream ARNs name the table and the stream's label (its creation time). */
function tableStream(label: string): ResourceType {
  return {
    what: "a DynamoDB table stream",
    service: "dynamodb",
    checkName: checkTableName,
    resourcePart: (name) => `table/${name}/stream/${label}`,
    nameOf: (part) => /^table\/([^/]+)\/stream\/[^/]+$/.exec(part)?.[1],
  };
}

interface Change {
  readonly eventName: ChangeName;
  readonly keys: Image;
  readonly newImage?: Image;
  readonly oldImage?: Image;
  readonly ttl: boolean;
}

const ITEMS_OF: Readonly<Record<ChangeName, string>> = {
  INSERT: "newItem only",
  MODIFY: "newItem and oldItem",
  REMOVE: "oldItem only",
};

function readChange(reader: ParamReader, schema: KeySchema): Change {
  const fail = (path: string, problem: string): never => reader.fail(path, problem);
  const newItem = reader.optionalRecord("newItem");
  const oldItem = reader.optionalRecord("oldItem");
  const eventName = readEventName(reader, newItem !== undefined, oldItem !== undefined);
  const ttl = reader.optionalBoolean("ttl") ?? false;
  if (ttl && eventName !== "REMOVE")
    reader.fail("ttl", "only REMOVE records come from Time to Live");
  const newImage = newItem && marshallItem(newItem, reader.path("newItem"), fail);
  const oldImage = oldItem && marshallItem(oldItem, reader.path("oldItem"), fail);
  const keys = newImage
    ? keysOf(newImage, schema, "newItem", reader)
    : keysOf(oldImage ?? {}, schema, "oldItem", reader);
  if (
    newImage &&
    oldImage &&
    JSON.stringify(keysOf(oldImage, schema, "oldItem", reader)) !== JSON.stringify(keys)
  ) {
    reader.fail(
      "oldItem",
      "a MODIFY keeps the item's key: oldItem and newItem must have the same key attributes",
    );
  }
  return { eventName, keys, ...(newImage && { newImage }), ...(oldImage && { oldImage }), ttl };
}

function readEventName(reader: ParamReader, hasNew: boolean, hasOld: boolean): ChangeName {
  if (!hasNew && !hasOld)
    reader.fail("newItem", "give newItem (INSERT), oldItem (REMOVE) or both (MODIFY)");
  const inferred = !hasOld ? "INSERT" : hasNew ? "MODIFY" : "REMOVE";
  const eventName = reader.optionalEnum("eventName", EVENT_NAMES) ?? inferred;
  if (eventName !== inferred) reader.fail("eventName", `${eventName} takes ${ITEMS_OF[eventName]}`);
  return eventName;
}

function keysOf(image: Image, schema: KeySchema, param: string, reader: ParamReader): Image {
  const keys: Image = {};
  for (const name of [schema.partitionKey, schema.sortKey]) {
    if (name === undefined) continue;
    const value = image[name];
    if (value === undefined || !isKeyValue(value)) {
      reader.fail(
        param,
        `the key attribute ${JSON.stringify(name)} must be a non-empty string, a number or bytes (partitionKey and sortKey name the table's key attributes)`,
      );
    }
    keys[name] = value;
  }
  return keys;
}

/** Key attributes are scalars: a string, a number or binary, never empty. */
function isKeyValue(value: AttributeValue): boolean {
  return [value.S, value.N, value.B].some((scalar) => scalar !== undefined && scalar !== "");
}

function streamRecord(
  table: Resource,
  change: Change,
  viewType: StreamViewType,
  index: number,
  ctx: EventContext,
): DynamoDBRecord {
  const withNew = viewType === "NEW_IMAGE" || viewType === "NEW_AND_OLD_IMAGES";
  const withOld = viewType === "OLD_IMAGE" || viewType === "NEW_AND_OLD_IMAGES";
  const newImage = withNew ? change.newImage : undefined;
  const oldImage = withOld ? change.oldImage : undefined;
  const dynamodb: StreamRecord = {
    ApproximateCreationDateTime: epochSeconds(ctx.time),
    Keys: change.keys,
    ...(newImage && { NewImage: newImage }),
    ...(oldImage && { OldImage: oldImage }),
    // Sequence numbers grow with every record of a shard; consumers order and checkpoint by them.
    SequenceNumber: String(BigInt(ctx.time.getTime()) * 10n ** 12n + BigInt(index)),
    SizeBytes:
      imageSize(change.keys) +
      (newImage ? imageSize(newImage) : 0) +
      (oldImage ? imageSize(oldImage) : 0),
    StreamViewType: viewType,
  };
  return {
    eventID: hexId(ctx, 32),
    eventName: change.eventName,
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: table.region,
    ...(change.ttl && { userIdentity: { type: "Service", principalId: "dynamodb.amazonaws.com" } }),
    dynamodb,
    eventSourceARN: table.arn,
  };
}
