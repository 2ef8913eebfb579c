import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
  GetEventSourceMappingCommand,
  paginateListEventSourceMappings,
  UpdateEventSourceMappingCommand,
} from "@aws-sdk/client-lambda";
import type { JsonObject } from "@domovoi/runtime";
import { isAwsError, unlessNotFound } from "../aws/errors.js";
import { waitUntil } from "../aws/wait.js";
import type {
  DesiredResource,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";

/** Stream-only fields are `null` for queues. */
export interface MappingProperties extends JsonObject {
  eventSourceArn: string;
  batchSize: number;
  maximumBatchingWindowInSeconds: number;
  maximumConcurrency: number | null;
  filterCriteria: JsonObject | null;
  /** `["ReportBatchItemFailures"]` when the handler answers record by record. */
  functionResponseTypes: string[];
  startingPosition: string | null;
  parallelizationFactor: number | null;
  bisectBatchOnFunctionError: boolean | null;
  maximumRetryAttempts: number | null;
  maximumRecordAgeInSeconds: number | null;
}

export function mappingId(eventSourceArn: string): string {
  return `event-source-mapping:${eventSourceArn}`;
}

/** States in which Lambda refuses a change to the mapping (ResourceInUseException). */
const BUSY = new Set(["Creating", "Updating", "Enabling", "Disabling", "Deleting"]);

/**
 * Event source mappings of SQS queues (the users' and the bridges) and DynamoDB and Kinesis
 * streams. A new starting position cannot be set on an existing mapping: it is replaced.
 */
export const mappingType: ResourceType<MappingProperties> = {
  kind: "event-source-mapping",
  replaceOn: ["eventSourceArn", "startingPosition"],

  async discover(ctx) {
    const found: ResourceState<MappingProperties>[] = [];
    const read = async () => {
      const pages = paginateListEventSourceMappings(
        { client: ctx.clients.lambda },
        { FunctionName: ctx.functionName },
      );
      for await (const page of pages) {
        for (const mapping of page.EventSourceMappings ?? []) {
          // Mappings of a qualified ARN (an alias or version) are not the stage's.
          if (mapping.FunctionArn !== ctx.functionArn || mapping.State === "Deleting") continue;
          found.push(readMapping(mapping));
        }
      }
    };
    await unlessNotFound(read, "ResourceNotFoundException");
    return found;
  },

  async create(ctx, desired) {
    const p = desired.properties;
    const { UUID } = await ctx.clients.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: ctx.functionName,
        EventSourceArn: p.eventSourceArn,
        ...settings(p),
        ...(p.startingPosition !== null && { StartingPosition: p.startingPosition as "LATEST" }),
      }),
    );
    return { uuid: UUID ?? "", eventSourceArn: p.eventSourceArn };
  },

  async update(ctx, desired, live) {
    const uuid = String(live.locator.uuid);
    await waitForMapping(ctx, uuid, (state) => state !== undefined && !BUSY.has(state));
    await ctx.clients.lambda.send(
      new UpdateEventSourceMappingCommand({
        UUID: uuid,
        FunctionName: ctx.functionName,
        ...settings(desired.properties),
      }),
    );
    return live.locator;
  },

  async delete(ctx, live) {
    const uuid = String(live.locator.uuid);
    await waitForMapping(ctx, uuid, (state) => state === undefined || !BUSY.has(state));
    await unlessNotFound(
      () => ctx.clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid })),
      "ResourceNotFoundException",
    );
    // A replacement for the same source is refused while the old mapping still exists.
    await waitForMapping(ctx, uuid, (state) => state === undefined);
  },
};

/** The fields Create and Update take alike; removed settings are sent empty. */
function settings(p: MappingProperties) {
  const isStream = p.startingPosition !== null;
  return {
    BatchSize: p.batchSize,
    MaximumBatchingWindowInSeconds: p.maximumBatchingWindowInSeconds,
    FunctionResponseTypes: p.functionResponseTypes as "ReportBatchItemFailures"[],
    FilterCriteria: (p.filterCriteria ?? { Filters: [] }) as never,
    ...(!isStream && {
      ScalingConfig:
        p.maximumConcurrency === null ? {} : { MaximumConcurrency: p.maximumConcurrency },
    }),
    ...(isStream && {
      ParallelizationFactor: p.parallelizationFactor ?? 1,
      BisectBatchOnFunctionError: p.bisectBatchOnFunctionError ?? false,
      MaximumRetryAttempts: p.maximumRetryAttempts ?? -1,
      MaximumRecordAgeInSeconds: p.maximumRecordAgeInSeconds ?? -1,
    }),
  };
}

function readMapping(mapping: EventSourceMappingConfiguration): ResourceState<MappingProperties> {
  const eventSourceArn = mapping.EventSourceArn ?? "";
  const isStream = !eventSourceArn.includes(":sqs:");
  const filters = mapping.FilterCriteria?.Filters ?? [];
  return {
    kind: "event-source-mapping",
    id: mappingId(eventSourceArn),
    name: eventSourceArn.slice(eventSourceArn.lastIndexOf(":") + 1),
    properties: {
      eventSourceArn,
      batchSize: mapping.BatchSize ?? 0,
      maximumBatchingWindowInSeconds: mapping.MaximumBatchingWindowInSeconds ?? 0,
      maximumConcurrency: isStream ? null : (mapping.ScalingConfig?.MaximumConcurrency ?? null),
      filterCriteria:
        filters.length === 0
          ? null
          : { Filters: filters.map((f) => ({ Pattern: f.Pattern ?? "" })) },
      functionResponseTypes: mapping.FunctionResponseTypes ?? [],
      startingPosition: isStream ? (mapping.StartingPosition ?? null) : null,
      parallelizationFactor: isStream ? (mapping.ParallelizationFactor ?? 1) : null,
      bisectBatchOnFunctionError: isStream ? (mapping.BisectBatchOnFunctionError ?? false) : null,
      maximumRetryAttempts: isStream ? (mapping.MaximumRetryAttempts ?? -1) : null,
      maximumRecordAgeInSeconds: isStream ? (mapping.MaximumRecordAgeInSeconds ?? -1) : null,
    },
    locator: { uuid: mapping.UUID ?? "", eventSourceArn },
  };
}

async function waitForMapping(
  ctx: ReadContext,
  uuid: string,
  done: (state: string | undefined) => boolean,
): Promise<void> {
  await waitUntil(
    async () => {
      try {
        const { State } = await ctx.clients.lambda.send(
          new GetEventSourceMappingCommand({ UUID: uuid }),
        );
        return done(State);
      } catch (error) {
        if (isAwsError(error, "ResourceNotFoundException")) return done(undefined);
        throw error;
      }
    },
    { sleep: ctx.sleep, what: `event source mapping ${uuid}` },
  );
}

export function mappingResource(
  name: string,
  properties: MappingProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<MappingProperties> {
  return {
    kind: "event-source-mapping",
    id: mappingId(properties.eventSourceArn),
    name,
    properties,
    locator: { eventSourceArn: properties.eventSourceArn },
    dependsOn,
    registration,
  };
}
