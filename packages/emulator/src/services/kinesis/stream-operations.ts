import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import { invalidArgument } from "./kinesis-errors.js";
import { epochSeconds, type KinesisOperation, requestedStream } from "./kinesis-operation.js";
import type { KinesisShard } from "./kinesis-shard.js";
import { type KinesisStream, RETENTION_HOURS, type StreamMode } from "./kinesis-stream.js";

const STREAM_NAME = { min: 1, max: 128 };
const STREAM_NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
const MAX_SHARDS = 10_000;
const STREAM_MODES: readonly string[] = ["PROVISIONED", "ON_DEMAND"];
const MAX_LIST = 10_000;

const createStream: KinesisOperation = (input, { backend, region }) => {
  const name = input.string("StreamName", STREAM_NAME);
  if (!STREAM_NAME_PATTERN.test(name)) {
    throw invalidArgument(
      `Stream name ${name} is invalid: use letters, digits, underscores, hyphens and dots.`,
    );
  }
  const mode = input.object("StreamModeDetails")?.string("StreamMode") ?? "PROVISIONED";
  if (!STREAM_MODES.includes(mode)) throw invalidArgument(`Unknown stream mode ${mode}.`);
  const shardCount = input.optionalInteger("ShardCount", { min: 1, max: MAX_SHARDS });
  if (shardCount === undefined && mode === "PROVISIONED") {
    throw invalidArgument("ShardCount is required for a stream in PROVISIONED mode.");
  }
  backend.createStream(region, name, shardCount, mode as StreamMode);
  return {};
};

const deleteStream: KinesisOperation = (input, context) => {
  context.backend.deleteStream(requestedStream(input, context));
  return {};
};

const describeStream: KinesisOperation = (input, context) => {
  const stream = requestedStream(input, context);
  const limit = input.optionalInteger("Limit", { min: 1, max: MAX_LIST }) ?? 100;
  const after = input.optionalString("ExclusiveStartShardId");
  const shards = shardsAfter(stream, after);
  return {
    StreamDescription: {
      ...streamSummary(stream),
      Shards: shards.slice(0, limit).map(shardDescription),
      HasMoreShards: shards.length > limit,
      RetentionPeriodHours: RETENTION_HOURS,
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: "NONE",
    },
  };
};

const describeStreamSummary: KinesisOperation = (input, context) => {
  const stream = requestedStream(input, context);
  return {
    StreamDescriptionSummary: {
      ...streamSummary(stream),
      RetentionPeriodHours: RETENTION_HOURS,
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: "NONE",
      OpenShardCount: stream.kinesisShards.length,
      ConsumerCount: 0,
    },
  };
};

const listStreams: KinesisOperation = (input, { backend, region }) => {
  const limit = input.optionalInteger("Limit", { min: 1, max: MAX_LIST }) ?? 100;
  const after =
    input.optionalString("ExclusiveStartStreamName") ?? input.optionalString("NextToken");
  const streams = backend
    .listStreams(region)
    .filter((stream) => after === undefined || stream.name > after);
  const page = streams.slice(0, limit);
  const more = streams.length > limit;
  return {
    StreamNames: page.map((stream) => stream.name),
    HasMoreStreams: more,
    ...(more && { NextToken: page.at(-1)?.name }),
    StreamSummaries: page.map(streamSummary),
  };
};

const listShards: KinesisOperation = (input, context) => {
  const token = input.optionalString("NextToken");
  const stream = token === undefined ? requestedStream(input, context) : undefined;
  const [name = "", after] = token === undefined ? [] : parseListToken(token);
  const target = stream ?? context.backend.getStream(context.region, name);
  const limit = input.optionalInteger("MaxResults", { min: 1, max: MAX_LIST }) ?? 1000;
  const shards = shardsAfter(target, after ?? input.optionalString("ExclusiveStartShardId"));
  const page = shards.slice(0, limit);
  return {
    Shards: page.map(shardDescription),
    ...(shards.length > limit && { NextToken: listToken(target.name, page.at(-1)!.shardId) }),
  };
};

export const STREAM_OPERATIONS: Readonly<Record<string, KinesisOperation>> = {
  CreateStream: createStream,
  DeleteStream: deleteStream,
  DescribeStream: describeStream,
  DescribeStreamSummary: describeStreamSummary,
  ListStreams: listStreams,
  ListShards: listShards,
};

function streamSummary(stream: KinesisStream) {
  return {
    StreamName: stream.name,
    StreamARN: stream.arn,
    StreamStatus: "ACTIVE",
    StreamModeDetails: { StreamMode: stream.mode },
    StreamCreationTimestamp: epochSeconds(stream.createdAt),
  };
}

function shardsAfter(stream: KinesisStream, shardId: string | undefined): readonly KinesisShard[] {
  const shards = stream.kinesisShards;
  return shardId === undefined ? shards : shards.filter((shard) => shard.shardId > shardId);
}

function shardDescription(shard: KinesisShard) {
  return {
    ShardId: shard.shardId,
    HashKeyRange: {
      StartingHashKey: shard.hashKeyRange.start.toString(),
      EndingHashKey: shard.hashKeyRange.end.toString(),
    },
    SequenceNumberRange: { StartingSequenceNumber: shard.startingSequenceNumber },
  };
}

/** ListShards tokens carry the stream, since a request with a token names none. */
function listToken(streamName: string, lastShardId: string): string {
  return Buffer.from(JSON.stringify([LOCAL_ACCOUNT_ID, streamName, lastShardId])).toString(
    "base64",
  );
}

function parseListToken(token: string): [string, string] {
  try {
    const [, name, shardId] = JSON.parse(
      Buffer.from(token, "base64").toString("utf8"),
    ) as unknown[];
    if (typeof name === "string" && typeof shardId === "string") return [name, shardId];
  } catch {
    // Falls through to the error below.
  }
  throw invalidArgument(`Invalid ShardId in NextToken: ${token}`);
}
