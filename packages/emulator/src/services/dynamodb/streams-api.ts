import type { DynamoDBRecord } from "aws-lambda";
import { AwsServiceError } from "../errors.js";
import { JsonInput } from "../streams/json-input.js";
import {
  decodeShardIterator,
  encodeShardIterator,
  SHARD_ITERATOR_LIFETIME_MS,
} from "../streams/shard-iterators.js";
import type { DynamoDbBackend } from "./dynamodb-backend.js";
import { resourceNotFound, validationError } from "./dynamodb-errors.js";
import type { Input } from "./dynamodb-operation.js";
import type { TableStream } from "./table-stream.js";

interface StreamsApiContext {
  readonly backend: DynamoDbBackend;
  readonly region: string;
}

type StreamsApiOperation = (input: Input, context: StreamsApiContext) => unknown;

const MAX_LIST = 100;
const MAX_RECORDS = 1000;
const ITERATOR_TYPES: readonly string[] = [
  "TRIM_HORIZON",
  "LATEST",
  "AT_SEQUENCE_NUMBER",
  "AFTER_SEQUENCE_NUMBER",
];

const listStreams: StreamsApiOperation = (fields, { backend, region }) => {
  const input = new JsonInput(fields);
  const table = input.optionalString("TableName", { min: 3, max: 255 });
  const limit = input.optionalInteger("Limit", { min: 1, max: MAX_LIST }) ?? MAX_LIST;
  const after = input.optionalString("ExclusiveStartStreamArn");
  const streams = backend
    .streams(region)
    .filter((stream) => table === undefined || stream.tableName === table);
  const start = after === undefined ? 0 : streams.findIndex((stream) => stream.arn === after) + 1;
  const page = streams.slice(start, start + limit);
  return {
    Streams: page.map((stream) => ({
      StreamArn: stream.arn,
      TableName: stream.tableName,
      StreamLabel: stream.label,
    })),
    ...(start + limit < streams.length && { LastEvaluatedStreamArn: page.at(-1)?.arn }),
  };
};

const describeStream: StreamsApiOperation = (fields, { backend }) => {
  const stream = requestedStream(backend, new JsonInput(fields).string("StreamArn"));
  const { shard } = stream;
  return {
    StreamDescription: {
      StreamArn: stream.arn,
      StreamLabel: stream.label,
      StreamStatus: stream.enabled ? "ENABLED" : "DISABLED",
      StreamViewType: stream.viewType,
      CreationRequestDateTime: stream.createdAt / 1000,
      TableName: stream.tableName,
      KeySchema: stream.keySchema,
      Shards: [
        {
          ShardId: shard.shardId,
          SequenceNumberRange: {
            StartingSequenceNumber: stream.startingSequenceNumber,
            ...(shard.closed &&
              shard.lastSequenceNumber !== undefined && {
                EndingSequenceNumber: shard.lastSequenceNumber,
              }),
          },
        },
      ],
    },
  };
};

const getShardIterator: StreamsApiOperation = (fields, { backend }) => {
  const input = new JsonInput(fields);
  const stream = requestedStream(backend, input.string("StreamArn"));
  const shardId = input.string("ShardId");
  if (shardId !== stream.shard.shardId) {
    throw resourceNotFound(
      `Requested resource not found: Shard: ${shardId} in Stream: ${stream.arn} not found`,
    );
  }
  const type = input.string("ShardIteratorType");
  if (!ITERATOR_TYPES.includes(type)) {
    throw validationError(
      `1 validation error detected: Value '${type}' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [${ITERATOR_TYPES.join(", ")}]`,
    );
  }
  const position = iteratorStart(stream, type, input.optionalString("SequenceNumber"));
  return {
    ShardIterator: encodeShardIterator({
      streamArn: stream.arn,
      shardId,
      position,
      issuedAt: backend.clock.now(),
    }),
  };
};

function iteratorStart(
  stream: TableStream,
  type: string,
  sequenceNumber: string | undefined,
): number {
  const { shard } = stream;
  if (type === "TRIM_HORIZON") return shard.start;
  if (type === "LATEST") return shard.end;
  if (sequenceNumber === undefined || !/^\d{21,40}$/.test(sequenceNumber)) {
    throw validationError(`Invalid SequenceNumber: ${sequenceNumber ?? "null"}`);
  }
  if (!shard.hasSequence(sequenceNumber)) {
    throw new AwsServiceError(
      "TrimmedDataAccessException",
      `The sequence number ${sequenceNumber} is beyond the trim horizon or not in shard ${shard.shardId}.`,
    );
  }
  return shard.positionOfSequence(sequenceNumber, type === "AFTER_SEQUENCE_NUMBER");
}

const getRecords: StreamsApiOperation = (fields, { backend }) => {
  const input = new JsonInput(fields);
  const iterator = decodeShardIterator(input.string("ShardIterator", { min: 1, max: 2048 }));
  if (!iterator) throw validationError("Invalid ShardIterator");
  const now = backend.clock.now();
  if (now - iterator.issuedAt > SHARD_ITERATOR_LIFETIME_MS) {
    throw new AwsServiceError("ExpiredIteratorException", "Iterator expired");
  }
  const { shard } = requestedStream(backend, iterator.streamArn);
  const limit = input.optionalInteger("Limit", { min: 1, max: MAX_RECORDS }) ?? MAX_RECORDS;
  const records = shard.read(iterator.position, limit);
  const next = Math.max(iterator.position, shard.start) + records.length;
  const finished = shard.closed && next >= shard.end;
  return {
    Records: records.map(({ record }) => streamsApiRecord(record)),
    ...(!finished && {
      NextShardIterator: encodeShardIterator({ ...iterator, position: next, issuedAt: now }),
    }),
  };
};

/** GetRecords answers the record Lambda receives, without the stream ARN Lambda adds. */
function streamsApiRecord({ eventSourceARN: _, ...record }: DynamoDBRecord) {
  return record;
}

function requestedStream(backend: DynamoDbBackend, arn: string): TableStream {
  const stream = backend.streamByArn(arn);
  if (!stream) throw resourceNotFound(`Requested resource not found: Stream: ${arn} not found`);
  return stream;
}

/** The DynamoDB Streams API (`DynamoDBStreams_20120810.*`), which stream consumers read with. */
export const STREAMS_API_OPERATIONS: Readonly<Record<string, StreamsApiOperation>> = {
  ListStreams: listStreams,
  DescribeStream: describeStream,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
};
