import type { S3Registration } from "@domovoi/runtime";
import { policyDocument, serviceDeliveryStatement } from "../aws/policy-document.js";
import { arns } from "../aws/target.js";
import type { DesiredResource } from "../model/resource.js";
import { createdQueueVisibilityTimeout } from "../project/validate-project.js";
import { bridgeQueueResource } from "../resources/bridge-queue.js";
import { bridgeTopicId, bridgeTopicResource } from "../resources/bridge-topic.js";
import { mappingResource } from "../resources/event-source-mapping.js";
import { functionId } from "../resources/function.js";
import { roleId } from "../resources/role.js";
import { s3EventBridgeResource } from "../resources/s3-eventbridge.js";
import {
  notificationConfigId,
  type S3NotificationProperties,
  s3NotificationResource,
} from "../resources/s3-notification.js";
import { subscriptionResource } from "../resources/subscription.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { ruleResources } from "./event-rules.js";
import { pushPermission } from "./push-permission.js";
import { s3EventPattern } from "./s3-event-pattern.js";
import { NO_STREAM_SETTINGS } from "./sqs.js";

/**
 * S3 handlers, by delivery: a notification entry to the function, to a bridge topic, to a bridge
 * queue, or to a topic whose bridge queue the function polls; or an EventBridge rule on the
 * bucket's events. Bridge topics and queues only accept what the bucket (or the bridge topic)
 * of this account sends.
 */
export function s3Part(ctx: DesiredContext): DesiredPart {
  const registrations = ctx.project.manifest.registrations.filter(
    (r): r is S3Registration => r.kind === "s3",
  );
  return { resources: registrations.flatMap((registration) => s3Resources(ctx, registration)) };
}

function s3Resources(ctx: DesiredContext, registration: S3Registration): DesiredResource[] {
  const { delivery, events, prefix, suffix } = registration.options;
  const bucket = registration.key;
  if (delivery === "eventbridge") {
    return [
      s3EventBridgeResource(bucket, registration.name),
      ...ruleResources(
        ctx,
        registration.name,
        "default",
        s3EventPattern(registration.name, bucket, events, prefix, suffix),
      ),
    ];
  }
  const resources = delivery === "direct" ? direct(ctx, registration) : bridged(ctx, registration);
  const { destination, destinationArn } = resources.notification;
  const entry = s3NotificationResource(
    bucket,
    notificationConfigId(ctx.project.names.functionName, registration.name),
    {
      destination,
      destinationArn,
      events: [...events],
      prefix: prefix ?? null,
      suffix: suffix ?? null,
    },
    resources.list.map((r) => r.id),
    registration.name,
  );
  return [...resources.list, entry];
}

interface Delivery {
  readonly list: DesiredResource[];
  readonly notification: Pick<S3NotificationProperties, "destination" | "destinationArn">;
}

function direct(ctx: DesiredContext, registration: S3Registration): Delivery {
  const permission = pushPermission(
    ctx,
    "s3",
    arns.bucket(ctx.target, registration.key),
    registration.name,
  );
  return {
    list: [permission],
    notification: { destination: "lambda", destinationArn: ctx.functionArn },
  };
}

function bridged(ctx: DesiredContext, registration: S3Registration): Delivery {
  const { target, project } = ctx;
  const names = project.names.registrations[registration.name] ?? {};
  const bucketArn = arns.bucket(target, registration.key);
  const list: DesiredResource[] = [];
  const topicArn = names.bridgeTopic && arns.topic(target, names.bridgeTopic);
  const queueArn = names.bridgeQueue && arns.queue(target, names.bridgeQueue);
  if (topicArn) {
    list.push(
      bridgeTopicResource(
        topicArn,
        policyDocument([
          serviceDeliveryStatement(
            "s3-publish",
            "s3.amazonaws.com",
            "sns:Publish",
            topicArn,
            bucketArn,
            target.account,
          ),
        ]),
        registration.name,
      ),
    );
  }
  if (queueArn) {
    const [service, source] = topicArn
      ? ["sns.amazonaws.com", topicArn]
      : ["s3.amazonaws.com", bucketArn];
    const queue = bridgeQueueResource(
      queueArn,
      {
        policy: policyDocument([
          serviceDeliveryStatement(
            "deliver",
            service,
            "sqs:SendMessage",
            queueArn,
            source,
            target.account,
          ),
        ]),
        visibilityTimeout: String(createdQueueVisibilityTimeout(project.config.lambdaTimeout)),
      },
      topicArn && names.bridgeTopic ? [bridgeTopicId(names.bridgeTopic)] : [],
      registration.name,
    );
    list.push(queue, bridgeMapping(ctx, registration.name, queueArn, queue.id));
    if (topicArn) {
      list.push(
        subscriptionResource(
          topicArn,
          { protocol: "sqs", endpoint: queueArn, filterPolicy: null, filterPolicyScope: null },
          [list[0]!.id, queue.id],
          registration.name,
        ),
      );
    }
  } else if (topicArn) {
    const permission = pushPermission(ctx, "sns", topicArn, registration.name);
    list.push(
      permission,
      subscriptionResource(
        topicArn,
        {
          protocol: "lambda",
          endpoint: ctx.functionArn,
          filterPolicy: null,
          filterPolicyScope: null,
        },
        [list[0]!.id, permission.id],
        registration.name,
      ),
    );
  }
  return {
    list,
    notification: topicArn
      ? { destination: "topic", destinationArn: topicArn }
      : { destination: "queue", destinationArn: queueArn ?? "" },
  };
}

/** Bridge queues carry wrapped events, which the dispatcher answers record by record. */
function bridgeMapping(
  ctx: DesiredContext,
  registration: string,
  queueArn: string,
  queueId: string,
) {
  const { names } = ctx.project;
  return mappingResource(
    queueArn.slice(queueArn.lastIndexOf(":") + 1),
    {
      eventSourceArn: queueArn,
      batchSize: 10,
      maximumBatchingWindowInSeconds: 0,
      maximumConcurrency: null,
      filterCriteria: null,
      functionResponseTypes: ["ReportBatchItemFailures"],
      ...NO_STREAM_SETTINGS,
    },
    [functionId(names.functionName), roleId(names.functionRole), queueId],
    registration,
  );
}
