import { contentDeduplicationId } from "../../events/sqs.js";
import type { SnsPublishRequest } from "./publish-request.js";
import { invalidParameter, invalidParameterReason } from "./sns-errors.js";
import type { SnsTopic } from "./topic.js";

/**
 * Checks a publish against its topic's type: a standard topic takes no deduplication id; a FIFO
 * topic needs a group and a deduplication id, given or (with content-based deduplication) the
 * message's SHA-256, which the returned request carries.
 */
export function checkTopicRules(topic: SnsTopic, request: SnsPublishRequest): SnsPublishRequest {
  if (!topic.fifo) {
    if (request.messageDeduplicationId === undefined) return request;
    throw invalidParameterReason(
      "MessageDeduplicationId",
      "The request includes MessageDeduplicationId parameter that is not valid for this topic type",
    );
  }
  if (request.messageGroupId === undefined) {
    throw invalidParameter("The MessageGroupId parameter is required for FIFO topics");
  }
  if (request.messageDeduplicationId !== undefined) return request;
  if (topic.settings.get("ContentBasedDeduplication") !== "true") {
    throw invalidParameter(
      "The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
    );
  }
  return { ...request, messageDeduplicationId: contentDeduplicationId(request.message) };
}
