import type { SqsRegistration } from "@domovoi/runtime";
import { createdQueueVisibilityTimeout } from "../project/validate-project.js";
import { mappingResource } from "../resources/event-source-mapping.js";
import { functionId } from "../resources/function.js";
import { queueResource } from "../resources/queue.js";
import { roleId } from "../resources/role.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { queueArnOf } from "./source-arns.js";

/**
 * A mapping per queue, always reporting batch item failures: the dispatcher answers record by
 * record whenever a batch carries wrapped events. Named queues are created when missing.
 */
export function sqsPart(ctx: DesiredContext): DesiredPart {
  const registrations = ctx.project.manifest.registrations.filter(
    (r): r is SqsRegistration => r.kind === "sqs",
  );
  const { names, config } = ctx.project;
  return {
    resources: registrations.flatMap((registration) => {
      const { options } = registration;
      const queueArn = queueArnOf(registration, ctx.target);
      const queue =
        options.queueArn === undefined
          ? [
              queueResource(
                queueArn,
                {
                  VisibilityTimeout: String(createdQueueVisibilityTimeout(config.lambdaTimeout)),
                  ...(options.fifo && { FifoQueue: "true" }),
                  ...options.queueAttributes,
                },
                config.lambdaTimeout,
                registration.name,
              ),
            ]
          : [];
      const mapping = mappingResource(
        registration.key,
        {
          eventSourceArn: queueArn,
          batchSize: options.batchSize,
          maximumBatchingWindowInSeconds: options.maximumBatchingWindowInSeconds,
          maximumConcurrency: options.maximumConcurrency ?? null,
          filterCriteria: options.filterCriteria
            ? { Filters: options.filterCriteria.Filters.map((f) => ({ Pattern: f.Pattern })) }
            : null,
          functionResponseTypes: ["ReportBatchItemFailures"],
          ...NO_STREAM_SETTINGS,
        },
        [functionId(names.functionName), roleId(names.functionRole), ...queue.map((q) => q.id)],
        registration.name,
      );
      return [...queue, mapping];
    }),
  };
}

/** Queues have no starting position, shards or retry settings. */
export const NO_STREAM_SETTINGS = {
  startingPosition: null,
  parallelizationFactor: null,
  bisectBatchOnFunctionError: null,
  maximumRetryAttempts: null,
  maximumRecordAgeInSeconds: null,
} as const;
