import { gzipSync } from "node:zlib";
import type {
  CloudWatchLogsDecodedData,
  CloudWatchLogsEvent,
  CloudWatchLogsLogEvent,
} from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions } from "./context.js";
import { hexId } from "./ids.js";
import { checkLogGroupName, checkLogStreamName } from "./names.js";
import { type Check, ParamReader } from "./params.js";

export interface LogEventInput {
  readonly message: string;
  /** Defaults to the event's time. */
  readonly timestamp?: Date | string | number;
}

export interface LogsEventParams {
  /** Required unless `control` is set. */
  readonly logGroup?: string;
  /** Defaults to a Lambda-style stream name: `2024/05/01/[$LATEST]<id>`. */
  readonly logStream?: string;
  readonly subscriptionFilter?: string;
  /** Log lines, all stamped with the event's time. */
  readonly messages?: string | readonly string[];
  /** Log lines with their own timestamps. */
  readonly logEvents?: readonly LogEventInput[];
  /** The CONTROL_MESSAGE CloudWatch Logs sends to check that a destination is reachable. */
  readonly control?: boolean;
}

const DATA_FIELDS = ["logGroup", "logStream", "subscriptionFilter", "messages", "logEvents"];
const MAX_LOG_EVENTS = 10_000;
const MAX_MESSAGE_BYTES = 256 * 1024;

const checkMessage: Check<string> = (message) =>
  message !== "" && Buffer.byteLength(message) <= MAX_MESSAGE_BYTES
    ? undefined
    : `log messages are 1 to ${MAX_MESSAGE_BYTES} bytes`;

const checkFilterName: Check<string> = (name) =>
  /^[^:*]{1,512}$/.test(name)
    ? undefined
    : "subscription filter names are 1 to 512 characters, without : or *";

/** A subscription filter delivery: the DATA_MESSAGE, gzipped and base64-encoded in `awslogs.data`. */
export function generateLogsEvent(
  params: LogsEventParams,
  options?: GeneratorOptions,
): CloudWatchLogsEvent {
  const ctx = createContext("logs", options);
  const reader = ParamReader.of("logs", params, [...DATA_FIELDS, "control"]);
  if (reader.optionalBoolean("control") === true) {
    for (const field of DATA_FIELDS)
      if (reader.has(field)) reader.fail(field, "control messages carry no log data");
    return encodeLogsEvent(controlMessage(ctx));
  }
  return encodeLogsEvent({
    messageType: "DATA_MESSAGE",
    owner: ctx.account,
    logGroup: reader.string("logGroup", checkLogGroupName),
    logStream: reader.optionalString("logStream", checkLogStreamName) ?? lambdaLogStream(ctx),
    subscriptionFilters: [
      reader.optionalString("subscriptionFilter", checkFilterName) ?? "domovoi",
    ],
    logEvents: readLogEvents(reader, ctx),
  });
}

/** Wraps decoded log data the way CloudWatch Logs hands it to Lambda. */
export function encodeLogsEvent(data: CloudWatchLogsDecodedData): CloudWatchLogsEvent {
  return { awslogs: { data: gzipSync(JSON.stringify(data)).toString("base64") } };
}

function readLogEvents(reader: ParamReader, ctx: EventContext): CloudWatchLogsLogEvent[] {
  const streamBits = BigInt(`0x${hexId(ctx, 26)}`);
  return readLogLines(reader, ctx).map(({ message, timestamp }, index) => ({
    id: logEventId(timestamp, streamBits, index),
    timestamp,
    message,
  }));
}

type LogLine = Omit<CloudWatchLogsLogEvent, "id">;

function readLogLines(reader: ParamReader, ctx: EventContext): LogLine[] {
  reader.exclusive("messages", "logEvents");
  const items = reader.optionalObjects("logEvents", ["message", "timestamp"], MAX_LOG_EVENTS);
  if (items !== undefined) {
    return items.map((item) => ({
      message: item.string("message", checkMessage),
      timestamp: (item.optionalTime("timestamp") ?? ctx.time).getTime(),
    }));
  }
  const messages = reader.optionalStrings("messages", checkMessage);
  if (messages === undefined) reader.fail("messages", "give messages or logEvents");
  if (messages.length > MAX_LOG_EVENTS) {
    reader.fail("messages", `at most ${MAX_LOG_EVENTS} log events per delivery`);
  }
  return messages.map((message) => ({ message, timestamp: ctx.time.getTime() }));
}

/**
 * Log event ids are 56-digit numbers with the timestamp in their top bits, so that they sort by
 * time; the low bits tell apart events of one stream.
 */
function logEventId(timestamp: number, streamBits: bigint, index: number): string {
  return ((BigInt(timestamp) << 144n) + (streamBits << 16n) + BigInt(index)).toString();
}

function lambdaLogStream(ctx: EventContext): string {
  const day = ctx.time.toISOString().slice(0, 10).replaceAll("-", "/");
  return `${day}/[$LATEST]${hexId(ctx, 32)}`;
}

function controlMessage(ctx: EventContext): CloudWatchLogsDecodedData {
  return {
    messageType: "CONTROL_MESSAGE",
    owner: "CloudwatchLogs",
    logGroup: "",
    logStream: "",
    subscriptionFilters: [],
    logEvents: [
      {
        id: "",
        timestamp: ctx.time.getTime(),
        message: "CWL CONTROL MESSAGE: Checking health of destination Lambda function.",
      },
    ],
  };
}
