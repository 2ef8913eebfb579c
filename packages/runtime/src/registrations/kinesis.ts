import type { KinesisStreamEvent } from "aws-lambda";
import type { Handler } from "../context.js";
import type { KinesisRegistration } from "../manifest.js";
import type { MethodSpec } from "./arguments.js";
import { checkInteger } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";
import { KINESIS_STREAM, resourceReference } from "./resource-names.js";
import { STREAM_OPTION_NAMES, type StreamOptions, streamMappingOptions } from "./stream-mapping.js";

export interface KinesisOptions extends StreamOptions {
  /** Shards of the stream where Domovoi creates it (the emulator); default 1. */
  readonly shardCount?: number;
}

export type KinesisHandler = Handler<KinesisStreamEvent>;

export const KINESIS_STREAM_HANDLER: MethodSpec<KinesisOptions> = {
  method: "kinesisStreamHandler",
  options: [...STREAM_OPTION_NAMES, "shardCount"],
};

export function kinesisRegistration(
  stream: string,
  options: Partial<KinesisOptions>,
  handler: KinesisHandler,
): RegistrationOf<"kinesis"> {
  const where = `kinesisStreamHandler(${JSON.stringify(stream)})`;
  const { name, arn } = resourceReference(stream, KINESIS_STREAM);
  const manifest: KinesisRegistration = {
    kind: "kinesis",
    name: registrationName({ where, explicit: options.name, handler, kind: "kinesis", key: name }),
    key: name,
    options: {
      ...(arn !== undefined && { streamArn: arn }),
      ...streamMappingOptions(where, options, handler),
      shardCount: checkInteger(options.shardCount ?? 1, `${where} shardCount`, 1, 10_000),
    },
  };
  return { kind: "kinesis", manifest, handler: handler as RegisteredHandler };
}
