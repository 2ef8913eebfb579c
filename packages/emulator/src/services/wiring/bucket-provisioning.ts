import type { RegistrationResourceNames, S3Registration } from "@domovoi/runtime";
import {
  NOTHING_RUNS,
  type ProvisionContext,
  type Provisioned,
  type Provisioner,
  together,
} from "./provision-context.js";
import { ensureQueue, startQueueMapping } from "./queue-provisioning.js";
import { putFunctionRule } from "./rule-provisioning.js";
import { s3EventPattern } from "./s3-event-pattern.js";
import { ensureTopic, subscribe } from "./topic-provisioning.js";

/**
 * The mapping of a bridge queue: it carries S3 notifications (in SNS's envelope or not), which
 * the dispatcher answers record by record, as the deployer's mapping expects.
 */
const BRIDGE_MAPPING = { batchSize: 10, reportBatchItemFailures: true } as const;

/**
 * An `s3EventHandler`: its bucket, and what carries its notifications as deployed: nothing more
 * (direct), a bridge topic the function subscribes to, a bridge queue the function polls, a bridge
 * topic feeding a bridge queue, or a rule on the default bus. The bucket's notification
 * configuration, shared by its handlers, is set once all of them are provisioned.
 */
export const provisionBucketHandler: Provisioner<S3Registration> = (registration, context) => {
  context.backends.s3.ensureBucket(registration.key, context.region);
  // physicalNames names the rule, topic and queue of every delivery that has them.
  const names: RegistrationResourceNames = context.names.registrations[registration.name] ?? {};
  switch (registration.options.delivery) {
    case "direct":
      return NOTHING_RUNS;
    case "eventbridge":
      return putFunctionRule(context, "default", names.rule!, s3EventPattern(registration));
    case "sns":
      return subscribe(context, bridgeTopic(context, names), "lambda", context.functionArn);
    case "sqs":
      return startQueueMapping(context, bridgeQueue(context, names), BRIDGE_MAPPING);
    case "sns-sqs":
      return viaTopicThenQueue(context, names);
  }
};

function viaTopicThenQueue(
  context: ProvisionContext,
  names: RegistrationResourceNames,
): Provisioned {
  const queue = bridgeQueue(context, names);
  return together(
    subscribe(context, bridgeTopic(context, names), "sqs", queue.arn),
    startQueueMapping(context, queue, BRIDGE_MAPPING),
  );
}

function bridgeTopic(context: ProvisionContext, names: RegistrationResourceNames) {
  return ensureTopic(context, context.region, names.bridgeTopic!);
}

function bridgeQueue(context: ProvisionContext, names: RegistrationResourceNames) {
  return ensureQueue(context, context.region, names.bridgeQueue!);
}
