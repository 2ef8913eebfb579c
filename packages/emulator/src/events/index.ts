import { generateAlbEvent } from "./alb.js";
import type { GeneratorOptions } from "./context.js";
import { generateDynamoDbEvent } from "./dynamodb.js";
import { UnknownEventKindError } from "./errors.js";
import { generateEventBridgeEvent, generateRuleEvent } from "./eventbridge.js";
import { generateKinesisEvent } from "./kinesis.js";
import { generateLogsEvent } from "./logs.js";
import {
  generateS3Event,
  generateS3ViaSnsEvent,
  generateS3ViaSnsViaSqsEvent,
  generateS3ViaSqsEvent,
} from "./s3.js";
import { generateS3ViaEventBridgeEvent } from "./s3-eventbridge.js";
import { generateS3TestEvent } from "./s3-test-event.js";
import { generateScheduleEvent } from "./schedule.js";
import { generateSesEvent } from "./ses.js";
import { generateSnsEvent } from "./sns.js";
import { generateSnsViaSqsEvent } from "./sns-via-sqs.js";
import { generateSqsEvent } from "./sqs.js";
import { generateStepFunctionsTaskEvent } from "./step-functions.js";

/** Every generator by the kind name the CLI and the HTTP API use. */
export const EVENT_GENERATORS = {
  sqs: generateSqsEvent,
  sns: generateSnsEvent,
  "sns-via-sqs": generateSnsViaSqsEvent,
  s3: generateS3Event,
  "s3-via-sns": generateS3ViaSnsEvent,
  "s3-via-sqs": generateS3ViaSqsEvent,
  "s3-via-sns-via-sqs": generateS3ViaSnsViaSqsEvent,
  "s3-via-eventbridge": generateS3ViaEventBridgeEvent,
  "s3-test-event": generateS3TestEvent,
  dynamodb: generateDynamoDbEvent,
  kinesis: generateKinesisEvent,
  logs: generateLogsEvent,
  eventbridge: generateEventBridgeEvent,
  schedule: generateScheduleEvent,
  rule: generateRuleEvent,
  alb: generateAlbEvent,
  ses: generateSesEvent,
  "step-functions": generateStepFunctionsTaskEvent,
} as const;

export type EventKind = keyof typeof EVENT_GENERATORS;
export type EventParams<K extends EventKind> = Parameters<(typeof EVENT_GENERATORS)[K]>[0];
export type GeneratedEvent<K extends EventKind> = ReturnType<(typeof EVENT_GENERATORS)[K]>;

export const EVENT_KINDS = Object.keys(EVENT_GENERATORS) as EventKind[];

export function isEventKind(kind: unknown): kind is EventKind {
  return typeof kind === "string" && Object.hasOwn(EVENT_GENERATORS, kind);
}

type AnyGenerator = (params: unknown, options?: GeneratorOptions) => unknown;

/**
 * Builds an event of `kind` from its parameters. With a kind known at compile time, parameters
 * and result are typed; with a kind and parameters from outside (CLI, HTTP API), both are
 * checked at run time and rejected with an {@link UnknownEventKindError} or an
 * `InvalidEventParamsError`.
 */
export function generateEvent<K extends EventKind>(
  kind: K,
  params: EventParams<K>,
  options?: GeneratorOptions,
): GeneratedEvent<K>;
export function generateEvent(kind: string, params: unknown, options?: GeneratorOptions): unknown;
export function generateEvent(kind: string, params: unknown, options?: GeneratorOptions): unknown {
  if (!isEventKind(kind)) throw new UnknownEventKindError(kind, EVENT_KINDS);
  return (EVENT_GENERATORS[kind] as AnyGenerator)(params, options);
}

export type { AlbEventParams } from "./alb.js";
export { generateAlbEvent } from "./alb.js";
export { DEFAULT_ACCOUNT, type GeneratorOptions } from "./context.js";
export type { DynamoDbEventParams, DynamoDbRecordInput, StreamViewType } from "./dynamodb.js";
export { generateDynamoDbEvent, STREAM_VIEW_TYPES } from "./dynamodb.js";
export { InvalidEventParamsError, UnknownEventKindError } from "./errors.js";
export type {
  DomovoiRuleEnvelope,
  EventBridgeEventParams,
  RuleEnvelopeParams,
} from "./eventbridge.js";
export { generateEventBridgeEvent, generateRuleEvent } from "./eventbridge.js";
export type { KinesisEventParams, KinesisRecordInput } from "./kinesis.js";
export { generateKinesisEvent } from "./kinesis.js";
export type { LogEventInput, LogsEventParams } from "./logs.js";
export { encodeLogsEvent, generateLogsEvent } from "./logs.js";
export type { S3ViaSnsEventParams, S3ViaSnsViaSqsEventParams, S3ViaSqsEventParams } from "./s3.js";
export {
  generateS3Event,
  generateS3ViaSnsEvent,
  generateS3ViaSnsViaSqsEvent,
  generateS3ViaSqsEvent,
} from "./s3.js";
export type { S3EventParams } from "./s3-change.js";
export type { S3EventBridgeDetail, S3EventBridgeEvent } from "./s3-eventbridge.js";
export { generateS3ViaEventBridgeEvent } from "./s3-eventbridge.js";
export type { S3TestEventParams } from "./s3-test-event.js";
export { generateS3TestEvent } from "./s3-test-event.js";
export type { ScheduleEventParams } from "./schedule.js";
export { generateScheduleEvent } from "./schedule.js";
export type { SesEventParams } from "./ses.js";
export { generateSesEvent } from "./ses.js";
export type { SnsEventParams } from "./sns.js";
export { generateSnsEvent } from "./sns.js";
export type { SnsAttributeInput } from "./sns-notification.js";
export type { SnsViaSqsEventParams } from "./sns-via-sqs.js";
export { generateSnsViaSqsEvent } from "./sns-via-sqs.js";
export type { SqsEventParams, SqsMessageInput } from "./sqs.js";
export { generateSqsEvent } from "./sqs.js";
export type { SqsAttributeInput } from "./sqs-attributes.js";
export { md5OfBody, md5OfMessageAttributes } from "./sqs-md5.js";
export type { StepFunctionsTaskParams } from "./step-functions.js";
export { generateStepFunctionsTaskEvent } from "./step-functions.js";
