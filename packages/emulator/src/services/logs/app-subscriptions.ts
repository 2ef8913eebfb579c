import { type DomovoiManifest, physicalNames } from "@domovoi/runtime";
import type { LogGroup } from "./log-group.js";
import type { LogsBackend } from "./logs-backend.js";

/**
 * Creates each `cloudwatchLogsSubFilterHandler` registration's log group (when missing) and its
 * subscription filter as the deployer deploys it: its physical name, its pattern, the app's
 * function as destination. Returns the groups it subscribed.
 */
export function provisionAppSubscriptions(
  backend: LogsBackend,
  manifest: DomovoiManifest,
  stage: string,
  region: string,
): LogGroup[] {
  const names = physicalNames(manifest, stage);
  const functionArn = `arn:aws:lambda:${region}:${backend.account}:function:${names.functionName}`;
  return manifest.registrations.flatMap((registration) => {
    const filterName = names.registrations[registration.name]?.subscriptionFilter;
    if (registration.kind !== "logs" || filterName === undefined) return [];
    const group =
      backend.findLogGroup(region, registration.key) ??
      backend.createLogGroup(region, registration.key);
    backend.putSubscriptionFilter(group, {
      filterName,
      filterPattern: registration.options.filterPattern,
      destinationArn: functionArn,
      distribution: "ByLogStream",
    });
    return [group];
  });
}
