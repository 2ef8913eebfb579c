import type * as lambda from "@aws-sdk/client-lambda";
import { awsError } from "./aws-error.js";
import type { FakeAws, Handlers } from "./fake-aws.js";
import type { FakeLambda } from "./fake-lambda.js";
import { page } from "./paginate.js";

interface Mapping {
  configuration: lambda.EventSourceMappingConfiguration;
  /** Reads left before Creating/Updating/Deleting settles. */
  settling: number;
}

const QUEUE_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"];
const DYNAMODB_ACTIONS = [
  "dynamodb:GetRecords",
  "dynamodb:GetShardIterator",
  "dynamodb:DescribeStream",
];
const KINESIS_ACTIONS = [
  "kinesis:GetRecords",
  "kinesis:GetShardIterator",
  "kinesis:DescribeStream",
];

/**
 * Event source mappings. As Lambda does, creation checks that the source exists, that the
 * function's role may read it, that a queue's visibility timeout covers the function's timeout,
 * and that the function has no other mapping of that source.
 */
export class FakeMappings {
  readonly all = new Map<string, Mapping>();

  constructor(
    private readonly aws: FakeAws,
    private readonly functions: FakeLambda,
  ) {}

  handlers(): Handlers {
    return {
      CreateEventSourceMapping: (input: lambda.CreateEventSourceMappingCommandInput) => {
        const fn = this.functions.get(input.FunctionName);
        const functionArn = String(fn.configuration.FunctionArn);
        const source = String(input.EventSourceArn);
        this.#checkSource(fn.configuration, source, input);
        const existing = [...this.all.values()].find(
          (m) =>
            m.configuration.FunctionArn === functionArn &&
            m.configuration.EventSourceArn === source,
        );
        if (existing) {
          throw awsError(
            "ResourceConflictException",
            `An event source mapping with event source ("${source}") and function ("${fn.configuration.FunctionName}") already exists. Please update or delete the existing mapping with UUID ${existing.configuration.UUID}`,
            409,
          );
        }
        const uuid = this.aws.nextId();
        const mapping: Mapping = {
          configuration: {
            UUID: uuid,
            FunctionArn: functionArn,
            EventSourceArn: source,
            State: "Creating",
          },
          settling: this.aws.settleReads,
        };
        this.#configure(mapping.configuration, input);
        if (input.StartingPosition) mapping.configuration.StartingPosition = input.StartingPosition;
        this.all.set(uuid, mapping);
        return structuredClone(mapping.configuration);
      },
      GetEventSourceMapping: ({ UUID }: lambda.GetEventSourceMappingCommandInput) =>
        structuredClone(this.#read(UUID).configuration),
      UpdateEventSourceMapping: (input: lambda.UpdateEventSourceMappingCommandInput) => {
        const mapping = this.#mapping(input.UUID);
        if (mapping.configuration.State !== "Enabled") {
          throw awsError(
            "ResourceInUseException",
            `Cannot update the event source mapping because it is in use (${mapping.configuration.State}).`,
            400,
          );
        }
        this.#configure(mapping.configuration, input);
        mapping.configuration.State = "Updating";
        mapping.settling = this.aws.settleReads;
        return structuredClone(mapping.configuration);
      },
      DeleteEventSourceMapping: ({ UUID }: lambda.DeleteEventSourceMappingCommandInput) => {
        const mapping = this.#mapping(UUID);
        mapping.configuration.State = "Deleting";
        mapping.settling = this.aws.settleReads;
        return structuredClone(mapping.configuration);
      },
      ListEventSourceMappings: ({
        FunctionName,
        Marker,
      }: lambda.ListEventSourceMappingsCommandInput) => {
        const functionArn = this.functions.get(FunctionName).configuration.FunctionArn;
        const mine = [...this.all.values()]
          .filter((m) => m.configuration.FunctionArn === functionArn)
          .map((m) => structuredClone(m.configuration));
        const { items, next } = page(mine, Marker);
        return { EventSourceMappings: items, NextMarker: next };
      },
    };
  }

  #checkSource(
    fn: lambda.FunctionConfiguration,
    source: string,
    input: lambda.CreateEventSourceMappingCommandInput,
  ): void {
    const service = source.split(":")[2];
    const role = String(fn.Role);
    const readable = (actions: string[], resource: string) =>
      actions.every((action) =>
        this.aws.iam.roleAllows(role, "lambda.amazonaws.com", { action, resource }),
      );
    if (service === "sqs") {
      const queue = this.aws.sqs.byArn(source);
      if (!queue)
        throw awsError(
          "InvalidParameterValueException",
          "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue.",
        );
      if (input.StartingPosition)
        throw awsError(
          "InvalidParameterValueException",
          "StartingPosition is not valid for SQS event sources.",
        );
      const visibility = Number(queue.attributes.VisibilityTimeout ?? 30);
      if (visibility < Number(fn.Timeout)) {
        throw awsError(
          "InvalidParameterValueException",
          `Queue visibility timeout: ${visibility} seconds is less than Function timeout: ${fn.Timeout} seconds`,
        );
      }
      if (!readable(QUEUE_ACTIONS, source)) {
        throw awsError(
          "InvalidParameterValueException",
          "The provided execution role does not have permissions to call ReceiveMessage on SQS",
        );
      }
      return;
    }
    if (!input.StartingPosition)
      throw awsError(
        "InvalidParameterValueException",
        "StartingPosition is required for stream event sources.",
      );
    const actions = service === "dynamodb" ? DYNAMODB_ACTIONS : KINESIS_ACTIONS;
    if (!readable(actions, source)) {
      throw awsError(
        "InvalidParameterValueException",
        `The provided execution role does not have permissions to call ${actions[0]?.split(":")[1]} on ${service}`,
      );
    }
  }

  #configure(
    c: lambda.EventSourceMappingConfiguration,
    input:
      | lambda.CreateEventSourceMappingCommandInput
      | lambda.UpdateEventSourceMappingCommandInput,
  ): void {
    if (input.BatchSize !== undefined) c.BatchSize = input.BatchSize;
    if (input.MaximumBatchingWindowInSeconds !== undefined)
      c.MaximumBatchingWindowInSeconds = input.MaximumBatchingWindowInSeconds;
    if (input.FunctionResponseTypes !== undefined)
      c.FunctionResponseTypes = input.FunctionResponseTypes;
    if (input.FilterCriteria !== undefined) {
      if ((input.FilterCriteria.Filters ?? []).length > 0) c.FilterCriteria = input.FilterCriteria;
      else delete c.FilterCriteria;
    }
    if (input.ScalingConfig !== undefined) {
      if (input.ScalingConfig.MaximumConcurrency !== undefined)
        c.ScalingConfig = input.ScalingConfig;
      else delete c.ScalingConfig;
    }
    for (const key of [
      "ParallelizationFactor",
      "BisectBatchOnFunctionError",
      "MaximumRetryAttempts",
      "MaximumRecordAgeInSeconds",
    ] as const) {
      if (input[key] !== undefined) (c as Record<string, unknown>)[key] = input[key];
    }
  }

  /** A read: Creating and Updating become Enabled, Deleting becomes gone. */
  #read(uuid: string | undefined): Mapping {
    const mapping = this.#mapping(uuid);
    if (mapping.settling > 0) {
      mapping.settling -= 1;
      return mapping;
    }
    if (mapping.configuration.State === "Deleting") {
      this.all.delete(String(uuid));
      throw awsError(
        "ResourceNotFoundException",
        "The resource you requested does not exist.",
        404,
      );
    }
    mapping.configuration.State = "Enabled";
    return mapping;
  }

  #mapping(uuid: string | undefined): Mapping {
    const mapping = this.all.get(String(uuid));
    if (!mapping)
      throw awsError(
        "ResourceNotFoundException",
        "The resource you requested does not exist.",
        404,
      );
    return mapping;
  }
}
