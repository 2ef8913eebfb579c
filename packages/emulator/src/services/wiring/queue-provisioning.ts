import type { SqsRegistration } from "@domovoi/runtime";
import {
  queueArn,
  SqsEventSourceMapping,
  type SqsEventSourceMappingOptions,
  type SqsQueue,
} from "../sqs/index.js";
import {
  messageOf,
  type ProvisionContext,
  type Provisioned,
  type Provisioner,
} from "./provision-context.js";
import { resourceRegion } from "./resource-region.js";

type MappingSettings = Omit<
  SqsEventSourceMappingOptions,
  "backend" | "queueArn" | "invoker" | "onError"
>;

/** The queue, created with `attributes` when it does not exist; an existing one is used as it is. */
export function ensureQueue(
  context: ProvisionContext,
  region: string,
  name: string,
  attributes: Readonly<Record<string, string>> = {},
): SqsQueue {
  const { sqs } = context.backends;
  return (
    sqs.queueByArn(queueArn(region, name)) ??
    sqs.createQueue(region, name, {
      VisibilityTimeout: String(context.queueVisibilityTimeout),
      ...attributes,
    })
  );
}

/** Lambda's event source mapping from the queue to the app's function, started. */
export function startQueueMapping(
  context: ProvisionContext,
  queue: SqsQueue,
  settings: MappingSettings,
): Provisioned {
  const mapping = new SqsEventSourceMapping({
    backend: context.backends.sqs,
    queueArn: queue.arn,
    invoker: context.appFunction.invoker,
    onError: (error) =>
      context.warn(`The event source mapping of queue ${queue.name} failed: ${messageOf(error)}`),
    ...settings,
  });
  mapping.start();
  return { stop: () => mapping.stop() };
}

/** An `sqsQueueSubscriber`: its queue, with the registration's attributes, and its mapping. */
export const provisionQueueSubscriber: Provisioner<SqsRegistration> = (registration, context) => {
  const { options } = registration;
  const queue = ensureQueue(
    context,
    resourceRegion(options.queueArn, context.region),
    registration.key,
    { ...(options.fifo && { FifoQueue: "true" }), ...options.queueAttributes },
  );
  return startQueueMapping(context, queue, {
    batchSize: options.batchSize,
    maximumBatchingWindowInSeconds: options.maximumBatchingWindowInSeconds,
    ...(options.maximumConcurrency !== undefined && {
      maximumConcurrency: options.maximumConcurrency,
    }),
    ...(options.filterCriteria !== undefined && { filterCriteria: options.filterCriteria }),
    reportBatchItemFailures: options.reportBatchItemFailures,
  });
};
