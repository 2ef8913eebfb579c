import type { SubscriptionFilter } from "../subscription-filter.js";
import { DISTRIBUTIONS } from "../subscription-filter.js";
import { FREE_NAME, type LogsOperation, page, targetGroup } from "./operation.js";

const putSubscriptionFilter: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  context.backend.putSubscriptionFilter(group, {
    filterName: input.string("filterName", FREE_NAME),
    filterPattern: input.string("filterPattern", { max: 1024 }),
    destinationArn: input.string("destinationArn", { min: 1 }),
    roleArn: input.optionalString("roleArn", { min: 1 }),
    distribution: input.optionalEnum("distribution", DISTRIBUTIONS) ?? "ByLogStream",
  });
  return {};
};

const describeSubscriptionFilters: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  const prefix = input.optionalString("filterNamePrefix", FREE_NAME) ?? "";
  const filters = [...group.subscriptionFilters.values()]
    .filter((filter) => filter.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, nextToken } = page(input, filters, (filter) => filter.name);
  return {
    subscriptionFilters: items.map((filter) => filterView(group.name, filter)),
    ...(nextToken && { nextToken }),
  };
};

const deleteSubscriptionFilter: LogsOperation = (input, context) => {
  const group = targetGroup(input, context);
  context.backend.deleteSubscriptionFilter(group, input.string("filterName", FREE_NAME));
  return {};
};

function filterView(logGroupName: string, filter: SubscriptionFilter): object {
  const { filterName, filterPattern, destinationArn, roleArn, distribution } = filter.definition;
  return {
    filterName,
    logGroupName,
    filterPattern,
    destinationArn,
    ...(roleArn !== undefined && { roleArn }),
    distribution,
    applyOnTransformedLogs: false,
    creationTime: filter.creationTime,
  };
}

export const SUBSCRIPTION_OPERATIONS = {
  PutSubscriptionFilter: putSubscriptionFilter,
  DescribeSubscriptionFilters: describeSubscriptionFilters,
  DeleteSubscriptionFilter: deleteSubscriptionFilter,
};
