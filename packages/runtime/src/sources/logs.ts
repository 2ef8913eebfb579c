import type {
  CloudWatchLogsDecodedData,
  CloudWatchLogsEvent,
  CloudWatchLogsLogEvent,
} from "aws-lambda";
import { MalformedEventError } from "../errors.js";
import { Fields, isJsonObject } from "./fields.js";

/**
 * The most decompressed bytes a logs payload may expand to. An invocation carries at most a few
 * hundred kilobytes of base64, and even highly repetitive log lines stay well below this; the limit
 * is there to refuse a decompression bomb before it exhausts the function's memory.
 */
export const MAX_DECODED_LOGS_BYTES = 16 * 1024 * 1024;

const CONTROL_MESSAGE = "CONTROL_MESSAGE";
const PADDED_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const EXPECTED_DATA = "base64 of gzip- or zlib-compressed JSON";

// Loaded on the first logs event rather than at import, where it would cost every cold start a
// few milliseconds.
let zlib: typeof import("node:zlib") | undefined;

/** CloudWatch Logs subscriptions are the only Lambda event source that sends `awslogs`. */
export function isCloudWatchLogsEvent(event: unknown): event is CloudWatchLogsEvent {
  return isJsonObject(event) && isJsonObject(event.awslogs);
}

/** Log events of one log group, routed by the group's name. */
export interface LogsSource {
  readonly kind: "logs";
  readonly event: CloudWatchLogsEvent;
  readonly data: CloudWatchLogsDecodedData;
  readonly key: string;
}

/**
 * The message CloudWatch Logs sends to check that a new subscription's destination is reachable:
 * acknowledged and dropped, never given to a handler.
 */
export interface LogsControlMessageSource {
  readonly kind: "logs-control-message";
  readonly event: CloudWatchLogsEvent;
  readonly data: CloudWatchLogsDecodedData;
  readonly key: null;
}

export function detectLogs(
  event: CloudWatchLogsEvent,
  path = "",
): LogsSource | LogsControlMessageSource {
  const awslogs = Fields.of(event, path).object("awslogs");
  const data = decodeLogsData(awslogs.string("data"), awslogs.pathOf("data"));
  return data.messageType === CONTROL_MESSAGE
    ? { kind: "logs-control-message", event, data, key: null }
    : { kind: "logs", event, data, key: data.logGroup };
}

/**
 * The payload CloudWatch Logs packs into `awslogs.data`: base64 of gzip (or, from some emitters,
 * zlib) compressed JSON. Errors name the decompressed text `decode(<path>)`.
 */
export function decodeLogsData(
  data: string,
  path = "awslogs.data",
  maxBytes = MAX_DECODED_LOGS_BYTES,
): CloudWatchLogsDecodedData {
  if (data.length % 4 !== 0 || !PADDED_BASE64.test(data)) {
    throw new MalformedEventError(path, EXPECTED_DATA, "not padded base64");
  }
  zlib ??= process.getBuiltinModule("node:zlib");
  let json: Buffer;
  try {
    // unzip recognises both the gzip and the zlib header.
    json = zlib.unzipSync(Buffer.from(data, "base64"), { maxOutputLength: maxBytes });
  } catch (cause) {
    const found = isOutputTooLarge(cause)
      ? `more than ${maxBytes} bytes once decompressed`
      : "not a complete gzip or zlib stream";
    throw new MalformedEventError(path, EXPECTED_DATA, found, { cause });
  }
  return checkDecodedData(Fields.parse(json.toString("utf8"), `decode(${path})`));
}

function isOutputTooLarge(error: unknown): boolean {
  return error instanceof RangeError && "code" in error && error.code === "ERR_BUFFER_TOO_LARGE";
}

/** Checks the fields Domovoi and its handlers rely on, keeping any others AWS adds. */
function checkDecodedData(payload: Fields): CloudWatchLogsDecodedData {
  return {
    ...payload.value,
    owner: payload.string("owner"),
    logGroup: payload.string("logGroup"),
    logStream: payload.string("logStream"),
    subscriptionFilters: payload
      .array("subscriptionFilters")
      .map((_, index) => payload.stringItem("subscriptionFilters", index)),
    messageType: payload.string("messageType"),
    logEvents: payload
      .array("logEvents")
      .map((_, index) => checkLogEvent(payload.item("logEvents", index))),
  };
}

function checkLogEvent(logEvent: Fields): CloudWatchLogsLogEvent {
  return {
    ...logEvent.value,
    id: logEvent.string("id"),
    timestamp: logEvent.number("timestamp"),
    message: logEvent.string("message"),
    // Only subscriptions with a space-delimited filter pattern send extracted fields.
    ...(logEvent.value.extractedFields !== undefined && {
      extractedFields: extractedFields(logEvent.object("extractedFields")),
    }),
  };
}

function extractedFields(fields: Fields): Record<string, string> {
  return Object.fromEntries(Object.keys(fields.value).map((name) => [name, fields.string(name)]));
}
