import type { SQSEvent } from "aws-lambda";
import type { Handler } from "../context.js";
import { RegistrationError } from "../errors.js";
import type { FilterCriteria, SqsRegistration } from "../manifest.js";
import type { MethodSpec } from "./arguments.js";
import { checkInteger, describe, isPlainObject } from "./checks.js";
import { checkFilterCriteria } from "./filter-criteria.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";
import { resourceReference, SQS_QUEUE } from "./resource-names.js";

export interface SqsOptions {
  readonly name?: string;
  /** Default 10; at most 10,000 for a standard queue and 10 for a FIFO queue. */
  readonly batchSize?: number;
  /** 0 to 300; standard queues only. Defaults to 1 when `batchSize` exceeds 10, as AWS requires. */
  readonly maximumBatchingWindowInSeconds?: number;
  /** 2 to 1,000 concurrent invocations for this queue. */
  readonly maximumConcurrency?: number;
  /** Queue attributes (`VisibilityTimeout`, `RedrivePolicy`, ...) used where Domovoi creates it. */
  readonly queueAttributes?: Readonly<Record<string, string | number | boolean>>;
  readonly filterCriteria?: FilterCriteria;
}

export type SqsHandler = Handler<SQSEvent>;

export const SQS_QUEUE_SUBSCRIBER: MethodSpec<SqsOptions> = {
  method: "sqsQueueSubscriber",
  options: [
    "name",
    "batchSize",
    "maximumBatchingWindowInSeconds",
    "maximumConcurrency",
    "queueAttributes",
    "filterCriteria",
  ],
};

const QUEUE_ATTRIBUTES = new Set([
  "ContentBasedDeduplication",
  "DeduplicationScope",
  "DelaySeconds",
  "FifoQueue",
  "FifoThroughputLimit",
  "KmsDataKeyReusePeriodSeconds",
  "KmsMasterKeyId",
  "MaximumMessageSize",
  "MessageRetentionPeriod",
  "Policy",
  "ReceiveMessageWaitTimeSeconds",
  "RedriveAllowPolicy",
  "RedrivePolicy",
  "SqsManagedSseEnabled",
  "VisibilityTimeout",
]);

export function sqsRegistration(
  queue: string,
  options: Partial<SqsOptions>,
  handler: SqsHandler,
): RegistrationOf<"sqs"> {
  const where = `sqsQueueSubscriber(${JSON.stringify(queue)})`;
  const { name, arn } = resourceReference(queue, SQS_QUEUE);
  const fifo = name.endsWith(".fifo");
  const batchSize = checkInteger(
    options.batchSize ?? 10,
    `${where} batchSize`,
    1,
    fifo ? 10 : 10_000,
  );
  const manifest: SqsRegistration = {
    kind: "sqs",
    name: registrationName({ where, explicit: options.name, handler, kind: "sqs", key: name }),
    key: name,
    options: {
      ...(arn !== undefined && { queueArn: arn }),
      fifo,
      batchSize,
      maximumBatchingWindowInSeconds: batchingWindow(where, fifo, batchSize, options),
      ...(options.maximumConcurrency !== undefined && {
        maximumConcurrency: checkInteger(
          options.maximumConcurrency,
          `${where} maximumConcurrency`,
          2,
          1000,
        ),
      }),
      ...(options.queueAttributes !== undefined && {
        queueAttributes: queueAttributes(where, options.queueAttributes),
      }),
      ...(options.filterCriteria !== undefined && {
        filterCriteria: checkFilterCriteria(options.filterCriteria, `${where} filterCriteria`),
      }),
      reportBatchItemFailures: true,
    },
  };
  return { kind: "sqs", manifest, handler: handler as RegisteredHandler };
}

function batchingWindow(
  where: string,
  fifo: boolean,
  batchSize: number,
  options: Partial<SqsOptions>,
): number {
  const window = options.maximumBatchingWindowInSeconds;
  if (fifo) {
    if (window !== undefined && window !== 0) {
      throw new RegistrationError(`${where}: Batching window is not supported for FIFO queues.`);
    }
    return 0;
  }
  if (window === undefined) return batchSize > 10 ? 1 : 0;
  checkInteger(window, `${where} maximumBatchingWindowInSeconds`, 0, 300);
  if (batchSize > 10 && window === 0) {
    throw new RegistrationError(
      `${where}: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10.`,
    );
  }
  return window;
}

function queueAttributes(where: string, attributes: unknown): Record<string, string> {
  if (!isPlainObject(attributes)) {
    throw new RegistrationError(
      `${where}: queueAttributes must be an object, got ${describe(attributes)}.`,
    );
  }
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!QUEUE_ATTRIBUTES.has(key)) {
      throw new RegistrationError(
        `${where}: unknown queue attribute ${key} (known: ${[...QUEUE_ATTRIBUTES].join(", ")}).`,
      );
    }
    if (!["string", "number", "boolean"].includes(typeof value)) {
      throw new RegistrationError(
        `${where}: queue attribute ${key} must be a string, number or boolean.`,
      );
    }
    result[key] = String(value);
  }
  return result;
}
