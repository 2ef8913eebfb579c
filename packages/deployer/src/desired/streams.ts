import type { DynamoDbRegistration, KinesisRegistration } from "@domovoi/runtime";
import { mappingResource } from "../resources/event-source-mapping.js";
import { functionId } from "../resources/function.js";
import { roleId } from "../resources/role.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { dynamoDbStreamArnOf, kinesisStreamArnOf } from "./source-arns.js";

/** A mapping per DynamoDB or Kinesis stream, with every stream option of the registration. */
export function streamsPart(ctx: DesiredContext): DesiredPart {
  const registrations = ctx.project.manifest.registrations.filter(
    (r): r is DynamoDbRegistration | KinesisRegistration =>
      r.kind === "dynamodb" || r.kind === "kinesis",
  );
  const { names } = ctx.project;
  return {
    resources: registrations.flatMap((registration) => {
      const { options } = registration;
      const eventSourceArn =
        registration.kind === "dynamodb"
          ? dynamoDbStreamArnOf(ctx, registration.name)
          : kinesisStreamArnOf(registration, ctx.target);
      if (eventSourceArn === undefined) return [];
      return mappingResource(
        registration.key,
        {
          eventSourceArn,
          batchSize: options.batchSize,
          maximumBatchingWindowInSeconds: options.maximumBatchingWindowInSeconds,
          maximumConcurrency: null,
          filterCriteria: options.filterCriteria
            ? { Filters: options.filterCriteria.Filters.map((f) => ({ Pattern: f.Pattern })) }
            : null,
          functionResponseTypes: options.reportBatchItemFailures ? ["ReportBatchItemFailures"] : [],
          startingPosition: options.startingPosition,
          parallelizationFactor: options.parallelizationFactor,
          bisectBatchOnFunctionError: options.bisectBatchOnFunctionError,
          maximumRetryAttempts: options.maximumRetryAttempts,
          maximumRecordAgeInSeconds: options.maximumRecordAgeInSeconds,
        },
        [functionId(names.functionName), roleId(names.functionRole)],
        registration.name,
      );
    }),
  };
}
