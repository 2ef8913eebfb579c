import type { JsonObject } from "@domovoi/runtime";
import type { ResourceKind, ResourceType } from "../model/resource.js";
import { albTargetType } from "./alb-target.js";
import { aliasType } from "./alias.js";
import { bridgeQueueType } from "./bridge-queue.js";
import { bridgeTopicType } from "./bridge-topic.js";
import { eventRuleType } from "./event-rule.js";
import { mappingType } from "./event-source-mapping.js";
import { functionType } from "./function.js";
import { logsFilterType } from "./logs-filter.js";
import { permissionType } from "./permission.js";
import { queueType } from "./queue.js";
import { roleType } from "./role.js";
import { s3EventBridgeType } from "./s3-eventbridge.js";
import { s3NotificationType } from "./s3-notification.js";
import { scheduleType } from "./schedule.js";
import { scheduleGroupType } from "./schedule-group.js";
import { sesRuleType } from "./ses-rule.js";
import { stateMachineType } from "./state-machine.js";
import { subscriptionType } from "./subscription.js";
import { topicType } from "./topic.js";

/** Every kind of resource the deployer manages, by kind. */
export const RESOURCE_TYPES: Readonly<Record<ResourceKind, ResourceType<JsonObject>>> = {
  role: roleType,
  topic: topicType,
  queue: queueType,
  "bridge-topic": bridgeTopicType,
  "bridge-queue": bridgeQueueType,
  function: functionType,
  alias: aliasType,
  permission: permissionType,
  "state-machine": stateMachineType,
  "schedule-group": scheduleGroupType,
  schedule: scheduleType,
  "event-rule": eventRuleType,
  subscription: subscriptionType,
  "event-source-mapping": mappingType,
  "logs-filter": logsFilterType,
  "alb-target": albTargetType,
  "ses-rule": sesRuleType,
  "s3-eventbridge": s3EventBridgeType,
  "s3-notification": s3NotificationType,
};
