import type { LogsRegistration } from "@domovoi/runtime";
import type { Provisioner } from "./provision-context.js";

/**
 * A `cloudwatchLogsSubFilterHandler`: its log group (created when missing) and its subscription
 * filter, named as deployed, delivering to the app's function. Stopping deletes the filter
 * (unless someone did already).
 */
export const provisionLogSubscription: Provisioner<LogsRegistration> = (registration, context) => {
  const { logs } = context.backends;
  const { region } = context;
  const filterName =
    context.names.registrations[registration.name]?.subscriptionFilter ?? registration.name;
  const group =
    logs.findLogGroup(region, registration.key) ?? logs.createLogGroup(region, registration.key);
  logs.putSubscriptionFilter(group, {
    filterName,
    filterPattern: registration.options.filterPattern,
    destinationArn: context.functionArn,
    distribution: "ByLogStream",
  });
  return {
    stop: async () => {
      if (group.subscriptionFilters.has(filterName))
        logs.deleteSubscriptionFilter(group, filterName);
    },
  };
};
