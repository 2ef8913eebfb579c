import { xmlElements } from "../protocols/xml.js";
import type { ActionRequest, SnsAction } from "./action.js";
import { checkTopicArn, splitArn } from "./arns.js";
import {
  checkBatchSize,
  checkMessageSize,
  checkPublish,
  type WirePublish,
} from "./publish-request.js";
import type { QueryParams } from "./query-params.js";
import { element, members } from "./query-xml.js";
import {
  batchEntryIdsNotDistinct,
  emptyBatchRequest,
  invalidBatchEntryId,
  invalidParameterReason,
  tooManyEntriesInBatchRequest,
} from "./sns-errors.js";

const MAX_BATCH_ENTRIES = 10;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export const PUBLISH_ACTIONS: Readonly<Record<string, SnsAction>> = {
  Publish(request) {
    const { backend, params } = request;
    const topicArn = publishTarget(request);
    const message = checkPublish(wirePublish(params));
    checkMessageSize(message);
    const result = backend.publish(backend.topic(topicArn), message);
    return xmlElements({ MessageId: result.messageId, SequenceNumber: result.sequenceNumber });
  },

  PublishBatch({ backend, params, region }) {
    const topicArn = checkTopicArn(params.string("TopicArn"), region);
    const entries = params.members("PublishBatchRequestEntries");
    const ids = checkBatchEntryIds(entries);
    const topic = backend.topic(topicArn);
    const messages = entries.map((entry, index) =>
      checkPublish(wirePublish(entry), `publishBatchRequestEntries.${index + 1}.member.`),
    );
    checkBatchSize(messages);
    const results = backend.publishBatch(topic, messages);
    const successful = results.map((result, index) => ({
      Id: ids[index],
      MessageId: result.messageId,
      SequenceNumber: result.sequenceNumber,
    }));
    return element("Successful", members(successful)) + element("Failed", "");
  },
};

/**
 * The topic a Publish goes to: `TopicArn`, or `TargetArn` naming a topic. Mobile endpoints and
 * phone numbers are not emulated; SNS itself answers an unknown endpoint like this.
 */
function publishTarget({ params, region }: ActionRequest): string {
  if (params.optionalString("PhoneNumber") !== undefined) {
    throw invalidParameterReason("PhoneNumber", "the Domovoi emulator does not send SMS");
  }
  const topicArn = params.optionalString("TopicArn");
  if (topicArn !== undefined) return checkTopicArn(topicArn, region);
  const targetArn = params.optionalString("TargetArn");
  if (targetArn === undefined) {
    throw invalidParameterReason("TopicArn or TargetArn", "no value for required parameter");
  }
  if (splitArn(targetArn, "TargetArn").resource.includes("/")) {
    throw invalidParameterReason("TargetArn", "No endpoint found for the target arn specified");
  }
  return checkTopicArn(targetArn, region, "TargetArn");
}

function wirePublish(params: QueryParams): WirePublish {
  return {
    Message: params.optionalString("Message"),
    Subject: params.optionalString("Subject"),
    MessageStructure: params.optionalString("MessageStructure"),
    MessageAttributes: params.messageAttributes("MessageAttributes"),
    MessageGroupId: params.optionalString("MessageGroupId"),
    MessageDeduplicationId: params.optionalString("MessageDeduplicationId"),
  };
}

/** The entries' ids, checked as SNS checks a batch before anything else. */
function checkBatchEntryIds(entries: readonly QueryParams[]): string[] {
  if (entries.length === 0) throw emptyBatchRequest();
  if (entries.length > MAX_BATCH_ENTRIES) throw tooManyEntriesInBatchRequest();
  const ids = entries.map((entry, index) =>
    entry.string("Id", `publishBatchRequestEntries.${index + 1}.member.id`),
  );
  if (new Set(ids).size < ids.length) throw batchEntryIdsNotDistinct();
  if (!ids.every((id) => BATCH_ENTRY_ID.test(id))) throw invalidBatchEntryId();
  return ids;
}
