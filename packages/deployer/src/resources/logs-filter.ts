import {
  DeleteSubscriptionFilterCommand,
  PutSubscriptionFilterCommand,
  paginateDescribeSubscriptionFilters,
} from "@aws-sdk/client-cloudwatch-logs";
import type { JsonObject } from "@domovoi/runtime";
import { unlessNotFound } from "../aws/errors.js";
import type {
  DesiredResource,
  ReadContext,
  ResourceState,
  ResourceType,
} from "../model/resource.js";

export interface LogsFilterProperties extends JsonObject {
  filterPattern: string;
  destinationArn: string;
}

export function logsFilterId(logGroup: string, name: string): string {
  return `logs-filter:${logGroup}/${name}`;
}

/** CloudWatch Logs subscription filters that deliver a log group's events to the function. */
export const logsFilterType: ResourceType<LogsFilterProperties> = {
  kind: "logs-filter",

  async discover(ctx, { desired, remembered }) {
    const found: ResourceState<LogsFilterProperties>[] = [];
    for (const group of new Set(
      [...desired, ...remembered].map((f) => String(f.locator.logGroup)),
    )) {
      found.push(...(await filtersOf(ctx, group)));
    }
    return found;
  },

  async create(ctx, desired) {
    await putFilter(ctx, desired);
    return desired.locator;
  },

  async update(ctx, desired, live) {
    await putFilter(ctx, desired);
    return live.locator;
  },

  async delete(ctx, live) {
    await unlessNotFound(
      () =>
        ctx.clients.logs.send(
          new DeleteSubscriptionFilterCommand({
            logGroupName: String(live.locator.logGroup),
            filterName: live.name,
          }),
        ),
      "ResourceNotFoundException",
    );
  },
};

async function filtersOf(ctx: ReadContext, logGroup: string) {
  const found: ResourceState<LogsFilterProperties>[] = [];
  const read = async () => {
    const pages = paginateDescribeSubscriptionFilters(
      { client: ctx.clients.logs },
      { logGroupName: logGroup },
    );
    for await (const page of pages) {
      for (const filter of page.subscriptionFilters ?? []) {
        const name = filter.filterName ?? "";
        // Domovoi's filters deliver to the function and carry its name.
        if (filter.destinationArn !== ctx.functionArn || !name.startsWith(`${ctx.functionName}-`)) {
          continue;
        }
        found.push({
          kind: "logs-filter",
          id: logsFilterId(logGroup, name),
          name,
          properties: {
            filterPattern: filter.filterPattern ?? "",
            destinationArn: filter.destinationArn,
          },
          locator: { logGroup },
        });
      }
    }
  };
  await unlessNotFound(read, "ResourceNotFoundException");
  return found;
}

function putFilter(ctx: ReadContext, desired: DesiredResource<LogsFilterProperties>) {
  return ctx.clients.logs.send(
    new PutSubscriptionFilterCommand({
      logGroupName: String(desired.locator.logGroup),
      filterName: desired.name,
      filterPattern: desired.properties.filterPattern,
      destinationArn: desired.properties.destinationArn,
    }),
  );
}

export function logsFilterResource(
  name: string,
  logGroup: string,
  properties: LogsFilterProperties,
  dependsOn: readonly string[],
  registration: string,
): DesiredResource<LogsFilterProperties> {
  return {
    kind: "logs-filter",
    id: logsFilterId(logGroup, name),
    name,
    properties,
    locator: { logGroup },
    dependsOn,
    registration,
  };
}
