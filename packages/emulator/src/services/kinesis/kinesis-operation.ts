import type { JsonInput } from "../streams/json-input.js";
import type { KinesisBackend } from "./kinesis-backend.js";
import { invalidArgument, streamNotFound } from "./kinesis-errors.js";
import type { KinesisStream } from "./kinesis-stream.js";

export interface KinesisContext {
  readonly backend: KinesisBackend;
  readonly region: string;
}

/** One Kinesis operation: its input read from the request, its output for the response body. */
export type KinesisOperation = (input: JsonInput, context: KinesisContext) => unknown;

const STREAM_NAME = { min: 1, max: 128 };
const STREAM_ARN = /^arn:aws[a-z-]*:kinesis:([a-z0-9-]+):\d{12}:stream\/([A-Za-z0-9_.-]{1,128})$/;

/** The stream a request names by `StreamName` or `StreamARN`. */
export function requestedStream(
  input: JsonInput,
  { backend, region }: KinesisContext,
): KinesisStream {
  const arn = input.optionalString("StreamARN");
  if (arn === undefined) return backend.getStream(region, input.string("StreamName", STREAM_NAME));
  const [, arnRegion = "", name = ""] = STREAM_ARN.exec(arn) ?? [];
  if (name === "") throw invalidArgument(`${arn} is not a Kinesis stream ARN.`);
  const stream = backend.findStream(arnRegion, name);
  if (!stream) throw streamNotFound(name);
  return stream;
}

/** Timestamps in Kinesis's JSON protocol: epoch seconds. */
export const epochSeconds = (ms: number) => ms / 1000;
