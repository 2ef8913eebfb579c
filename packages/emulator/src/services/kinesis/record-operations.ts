import type { JsonInput } from "../streams/json-input.js";
import {
  decodeShardIterator,
  encodeShardIterator,
  SHARD_ITERATOR_LIFETIME_MS,
} from "../streams/shard-iterators.js";
import { parseExplicitHashKey } from "./hash-keys.js";
import {
  expiredIterator,
  invalidArgument,
  shardNotFound,
  streamNotFound,
} from "./kinesis-errors.js";
import {
  epochSeconds,
  type KinesisContext,
  type KinesisOperation,
  requestedStream,
} from "./kinesis-operation.js";
import type { KinesisShard } from "./kinesis-shard.js";
import type { KinesisStream } from "./kinesis-stream.js";

const PARTITION_KEY = { min: 1, max: 256 };
const MAX_DATA_BYTES = 1024 * 1024;
const MAX_PUT_RECORDS = 500;
const MAX_GET_RECORDS = 10_000;
const ITERATOR_TYPES: readonly string[] = [
  "AT_SEQUENCE_NUMBER",
  "AFTER_SEQUENCE_NUMBER",
  "TRIM_HORIZON",
  "LATEST",
  "AT_TIMESTAMP",
];

const putRecord: KinesisOperation = (input, context) => {
  const stream = requestedStream(input, context);
  const { shard, record } = put(stream, input);
  return { ShardId: shard.shardId, SequenceNumber: record.sequenceNumber, EncryptionType: "NONE" };
};

const putRecords: KinesisOperation = (input, context) => {
  const stream = requestedStream(input, context);
  const entries = input.list("Records");
  if (entries.length < 1 || entries.length > MAX_PUT_RECORDS) {
    throw invalidArgument(
      `PutRecords takes 1 to ${MAX_PUT_RECORDS} records, got ${entries.length}.`,
    );
  }
  const results = entries.map((entry) => {
    const { shard, record } = put(stream, entry);
    return { SequenceNumber: record.sequenceNumber, ShardId: shard.shardId };
  });
  return { FailedRecordCount: 0, Records: results, EncryptionType: "NONE" };
};

function put(stream: KinesisStream, input: JsonInput) {
  const data = input.blob("Data");
  if (data.length > MAX_DATA_BYTES) {
    throw invalidArgument(
      `Record data of ${data.length} bytes exceeds the limit of ${MAX_DATA_BYTES} bytes.`,
    );
  }
  const partitionKey = input.string("PartitionKey", PARTITION_KEY);
  const explicit = input.optionalString("ExplicitHashKey");
  const hashKey = explicit === undefined ? undefined : parseExplicitHashKey(explicit);
  if (explicit !== undefined && hashKey === undefined) {
    throw invalidArgument(
      `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${explicit}`,
    );
  }
  return stream.put(data, partitionKey, hashKey);
}

const getShardIterator: KinesisOperation = (input, context) => {
  const stream = requestedStream(input, context);
  const shardId = input.string("ShardId");
  const shard = stream.shard(shardId);
  if (!shard) throw shardNotFound(shardId, stream.name);
  stream.trim();
  const position = iteratorStart(shard, input);
  const issuedAt = context.backend.clock.now();
  return {
    ShardIterator: encodeShardIterator({ streamArn: stream.arn, shardId, position, issuedAt }),
  };
};

function iteratorStart(shard: KinesisShard, input: JsonInput): number {
  const type = input.string("ShardIteratorType");
  if (!ITERATOR_TYPES.includes(type)) throw invalidArgument(`Unknown ShardIteratorType ${type}.`);
  const { log } = shard;
  switch (type) {
    case "TRIM_HORIZON":
      return log.start;
    case "LATEST":
      return log.end;
    case "AT_TIMESTAMP": {
      const timestamp = input.optionalTimestamp("Timestamp");
      if (timestamp === undefined)
        throw invalidArgument(
          "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP.",
        );
      return log.positionAtTime(timestamp);
    }
    default: {
      const sequenceNumber = input.optionalString("StartingSequenceNumber");
      if (sequenceNumber === undefined || !/^\d{1,128}$/.test(sequenceNumber)) {
        throw invalidArgument(
          `StartingSequenceNumber ${sequenceNumber ?? "null"} used in GetShardIterator on shard ${shard.shardId} is invalid.`,
        );
      }
      return log.positionOfSequence(sequenceNumber, type === "AFTER_SEQUENCE_NUMBER");
    }
  }
}

const getRecords: KinesisOperation = (input, context) => {
  const { clock } = context.backend;
  const text = input.string("ShardIterator", { min: 1, max: 512 });
  const iterator = decodeShardIterator(text);
  if (!iterator) throw invalidArgument(`Invalid ShardIterator.`);
  const now = clock.now();
  if (now - iterator.issuedAt > SHARD_ITERATOR_LIFETIME_MS)
    throw expiredIterator(iterator.issuedAt, now);
  const { stream, shard } = iteratedShard(context, iterator.streamArn, iterator.shardId);
  stream.trim();
  const limit = input.optionalInteger("Limit", { min: 1, max: MAX_GET_RECORDS }) ?? MAX_GET_RECORDS;
  const records = shard.log.read(iterator.position, limit);
  const next = Math.max(iterator.position, shard.log.start) + records.length;
  const behind = shard.log.read(next, 1)[0];
  return {
    Records: records.map((record) => ({
      SequenceNumber: record.sequenceNumber,
      ApproximateArrivalTimestamp: epochSeconds(record.arrivalMs),
      Data: record.data.toString("base64"),
      PartitionKey: record.partitionKey,
    })),
    NextShardIterator: encodeShardIterator({ ...iterator, position: next, issuedAt: now }),
    MillisBehindLatest: behind ? Math.max(0, now - behind.arrivalMs) : 0,
  };
};

function iteratedShard(context: KinesisContext, streamArn: string, shardId: string) {
  const name = streamArn.slice(streamArn.lastIndexOf("/") + 1);
  const stream = context.backend.findStream(context.region, name);
  if (!stream || stream.arn !== streamArn) throw streamNotFound(name);
  const shard = stream.shard(shardId);
  if (!shard) throw shardNotFound(shardId, name);
  return { stream, shard };
}

export const RECORD_OPERATIONS: Readonly<Record<string, KinesisOperation>> = {
  PutRecord: putRecord,
  PutRecords: putRecords,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
};
