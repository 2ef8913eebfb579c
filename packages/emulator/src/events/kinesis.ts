import type { KinesisStreamEvent, KinesisStreamRecord } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions } from "./context.js";
import { hexId, uuidId } from "./ids.js";
import { checkStreamName } from "./names.js";
import { type Check, ParamReader } from "./params.js";
import { prefixedResource, type Resource, readResource } from "./resources.js";

export interface KinesisRecordInput {
  /** Bytes are sent as they are, a string as UTF-8, any other value as its JSON text. */
  readonly data: unknown;
  /** Defaults to a random UUID, as producers commonly use. */
  readonly partitionKey?: string;
}

/** One record (the record fields) or several (`records`). */
export interface KinesisEventParams extends Partial<KinesisRecordInput> {
  /** Stream name or ARN. */
  readonly stream: string;
  readonly records?: readonly KinesisRecordInput[];
  readonly shardId?: string;
  /** The function's execution role (name or ARN), which Lambda reports as `invokeIdentityArn`. */
  readonly role?: string;
}

const STREAM = prefixedResource("a Kinesis stream", "kinesis", "stream/", checkStreamName);

const RECORD_FIELDS = ["data", "partitionKey"];
const MAX_BATCH = 10_000;
const MAX_DATA_BYTES = 1024 * 1024;

const checkPartitionKey: Check<string> = (key) =>
  key.length >= 1 && key.length <= 256 ? undefined : "partition keys are 1 to 256 characters";
const checkShardId: Check<string> = (id) =>
  /^shardId-\d{12}$/.test(id) ? undefined : "expected a shard id such as shardId-000000000000";
const checkRole: Check<string> = (role) =>
  /^(arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}|[\w+=,.@-]{1,64})$/.test(role)
    ? undefined
    : "expected an IAM role name or role ARN";

export function generateKinesisEvent(
  params: KinesisEventParams,
  options?: GeneratorOptions,
): KinesisStreamEvent {
  const ctx = createContext("kinesis", options);
  const reader = ParamReader.of("kinesis", params, [
    "stream",
    "records",
    "shardId",
    "role",
    ...RECORD_FIELDS,
  ]);
  const stream = readResource(reader, "stream", STREAM, ctx);
  const shardId = reader.optionalString("shardId", checkShardId) ?? "shardId-000000000000";
  const role = reader.optionalString("role", checkRole) ?? "lambda-role";
  const roleArn = role.startsWith("arn:") ? role : `arn:aws:iam::${stream.account}:role/${role}`;
  const items = reader.oneOrMany("records", RECORD_FIELDS, MAX_BATCH);
  const firstSequence = firstSequenceNumber(ctx);
  const records = items.map((item, index) => ({
    stream,
    shardId,
    roleArn,
    data: readData(item),
    partitionKey: item.optionalString("partitionKey", checkPartitionKey) ?? uuidId(ctx),
    sequenceNumber: `49${(firstSequence + BigInt(index)).toString().padStart(54, "0")}`,
  }));
  return { Records: records.map((record) => kinesisRecord(record, ctx)) };
}

/**
 * Kinesis sequence numbers are 56 digits that grow within a shard; these start with the arrival
 * time so that later events sort after earlier ones.
 */
function firstSequenceNumber(ctx: EventContext): bigint {
  const random = BigInt(`0x${hexId(ctx, 30)}`) % 10n ** 35n;
  return BigInt(ctx.time.getTime()) * 10n ** 41n + random * 10n ** 6n;
}

function readData(reader: ParamReader): Buffer {
  const raw = reader.raw("data");
  const data =
    raw instanceof Uint8Array ? Buffer.from(raw) : Buffer.from(reader.text("data"), "utf8");
  if (data.length > MAX_DATA_BYTES)
    reader.fail("data", `Kinesis records hold at most ${MAX_DATA_BYTES} bytes`);
  return data;
}

interface KinesisPut {
  readonly stream: Resource;
  readonly shardId: string;
  readonly roleArn: string;
  readonly data: Buffer;
  readonly partitionKey: string;
  readonly sequenceNumber: string;
}

function kinesisRecord(put: KinesisPut, ctx: EventContext): KinesisStreamRecord {
  return {
    kinesis: {
      kinesisSchemaVersion: "1.0",
      partitionKey: put.partitionKey,
      sequenceNumber: put.sequenceNumber,
      data: put.data.toString("base64"),
      approximateArrivalTimestamp: ctx.time.getTime() / 1000,
    },
    eventSource: "aws:kinesis",
    eventVersion: "1.0",
    eventID: `${put.shardId}:${put.sequenceNumber}`,
    eventName: "aws:kinesis:record",
    invokeIdentityArn: put.roleArn,
    awsRegion: put.stream.region,
    eventSourceARN: put.stream.arn,
  };
}
