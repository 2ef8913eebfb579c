import type { LogStream } from "../log-stream.js";
import { orderWithPrefix } from "../logs-errors.js";
import { FREE_NAME, type LogsOperation, newStreamName, page, targetGroup } from "./operation.js";

const ORDERS = ["LogStreamName", "LastEventTime"] as const;

const createLogStream: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  context.backend.createLogStream(group, newStreamName(input));
  return {};
};

const deleteLogStream: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  context.backend.deleteLogStream(group, input.string("logStreamName", FREE_NAME));
  return {};
};

const describeLogStreams: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  const prefix = input.optionalString("logStreamNamePrefix", FREE_NAME);
  const orderBy = input.optionalEnum("orderBy", ORDERS) ?? "LogStreamName";
  if (orderBy === "LastEventTime" && prefix !== undefined) throw orderWithPrefix();
  const descending = input.optionalBoolean("descending") ?? false;
  const keyOf = orderBy === "LogStreamName" ? nameKey : lastEventKey;
  const streams = [...group.streams.values()]
    .filter((stream) => stream.name.startsWith(prefix ?? ""))
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1) * (descending ? -1 : 1));
  const { items, nextToken } = page(input, streams, keyOf, { descending });
  return { logStreams: items.map(streamView), ...(nextToken && { nextToken }) };
};

const nameKey = (stream: LogStream) => stream.name;

/** Streams without events sort first, then by their last event, then by name. */
const lastEventKey = (stream: LogStream) =>
  `${String(stream.lastEventTimestamp ?? 0).padStart(16, "0")}/${stream.name}`;

function streamView(stream: LogStream): object {
  return {
    logStreamName: stream.name,
    creationTime: stream.creationTime,
    ...(stream.firstEventTimestamp !== undefined && {
      firstEventTimestamp: stream.firstEventTimestamp,
      lastEventTimestamp: stream.lastEventTimestamp,
      lastIngestionTime: stream.lastIngestionTime,
      uploadSequenceToken: stream.uploadSequenceToken,
    }),
    arn: stream.arn,
    storedBytes: 0,
  };
}

export const STREAM_OPERATIONS = {
  CreateLogStream: createLogStream,
  DeleteLogStream: deleteLogStream,
  DescribeLogStreams: describeLogStreams,
};
