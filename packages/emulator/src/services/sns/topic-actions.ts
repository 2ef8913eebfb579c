import { xmlElements } from "../protocols/xml.js";
import { type ActionRequest, type SnsAction, topicParam } from "./action.js";
import { checkTopicArn } from "./arns.js";
import { page } from "./pagination.js";
import type { QueryParams } from "./query-params.js";
import { element, entries, members } from "./query-xml.js";
import { invalidParameter, resourceNotFound } from "./sns-errors.js";
import type { SnsTopic } from "./topic.js";

export const TOPIC_ACTIONS: Readonly<Record<string, SnsAction>> = {
  CreateTopic({ backend, params, region }) {
    const topic = backend.createTopic(
      region,
      params.string("Name"),
      params.stringMap("Attributes"),
      tagsParam(params),
    );
    return xmlElements({ TopicArn: topic.arn });
  },

  DeleteTopic({ backend, params, region }) {
    const topic = backend.findTopic(checkTopicArn(params.string("TopicArn"), region));
    if (topic) backend.deleteTopic(topic);
    return undefined;
  },

  GetTopicAttributes(request) {
    return element("Attributes", entries(topicParam(request).attributes()));
  },

  SetTopicAttributes(request) {
    const { backend, params } = request;
    const topic = topicParam(request);
    backend.setTopicAttribute(
      topic,
      params.string("AttributeName"),
      params.optionalString("AttributeValue") ?? "",
    );
    return undefined;
  },

  ListTopics({ backend, params, region }) {
    const { items, nextToken } = page(backend.topics(region), params.optionalString("NextToken"));
    return (
      element("Topics", members(items.map((topic) => ({ TopicArn: topic.arn })))) +
      xmlElements({ NextToken: nextToken })
    );
  },

  TagResource(request) {
    const topic = taggedTopic(request);
    for (const [key, value] of Object.entries(tagsParam(request.params)))
      topic.tags.set(key, value);
    return undefined;
  },

  UntagResource(request) {
    const topic = taggedTopic(request);
    for (const key of request.params.stringMembers("TagKeys")) topic.tags.delete(key);
    return undefined;
  },

  ListTagsForResource(request) {
    const tags = [...taggedTopic(request).tags].map(([Key, Value]) => ({ Key, Value }));
    return element("Tags", members(tags));
  },
};

/** `Tags.member.N.Key` / `.Value`; SNS refuses a key given twice. */
function tagsParam(params: QueryParams): Record<string, string> {
  const tags = params.members("Tags").map((tag) => [tag.string("Key"), tag.string("Value")]);
  const keys = new Set(tags.map(([key]) => key));
  if (keys.size < tags.length) throw invalidParameter("Duplicated keys are not allowed.");
  return Object.fromEntries(tags);
}

function taggedTopic({ backend, params, region }: ActionRequest): SnsTopic {
  const topic = backend.findTopic(
    checkTopicArn(params.string("ResourceArn"), region, "ResourceArn"),
  );
  if (!topic) throw resourceNotFound();
  return topic;
}
