import { destinationNotEmulated, functionNotInvocable, kinesisWithoutRole } from "./logs-errors.js";
import type { SubscriptionFilterDefinition } from "./subscription-filter.js";

const DESTINATION = /^arn:aws[\w-]*:([a-z0-9-]+):[\w-]*:\d{12}:(.+)$/;

/**
 * Checks a subscription's destination as PutSubscriptionFilter does, and returns the function
 * alias or version it names, if any. CloudWatch Logs checks that it can invoke a function when
 * the filter is put; the emulator can invoke the app's function only, and delivers to no stream
 * (Kinesis, Firehose) or cross-account destination.
 */
export function checkDestination(
  { destinationArn, roleArn }: SubscriptionFilterDefinition,
  functionName: string | undefined,
): { readonly qualifier: string | undefined } {
  const [, service, resource = ""] = DESTINATION.exec(destinationArn) ?? [];
  if (service === "lambda") {
    const [, name, qualifier] = /^function:([^:]+)(?::([^:]+))?$/.exec(resource) ?? [];
    if (name === undefined || name !== functionName) throw functionNotInvocable();
    return { qualifier };
  }
  if ((service === "kinesis" || service === "firehose") && roleArn === undefined) {
    throw kinesisWithoutRole(service);
  }
  throw destinationNotEmulated(destinationArn);
}
