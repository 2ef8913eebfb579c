import type { S3FilterRule } from "@domovoi/runtime/matching";
import {
  type DestinationConfiguration,
  type DestinationKind,
  destinationsOf,
  type NotificationConfiguration,
} from "./notification-configuration.js";
import { malformedXml } from "./s3-errors.js";
import { childElement, childElements, childText, type XmlElement } from "./xml-reader.js";
import { xmlNode, xmlText } from "./xml-writer.js";

/** The XML element of each kind of configuration, and the element holding its ARN. */
const ELEMENTS: Readonly<Record<DestinationKind, { config: string; arn: string }>> = {
  queue: { config: "QueueConfiguration", arn: "Queue" },
  topic: { config: "TopicConfiguration", arn: "Topic" },
  lambda: { config: "CloudFunctionConfiguration", arn: "CloudFunction" },
};
const EVENT_BRIDGE = "EventBridgeConfiguration";
const KNOWN_ELEMENTS = new Set([
  ...Object.values(ELEMENTS).map((element) => element.config),
  EVENT_BRIDGE,
]);

/** Reads a `<NotificationConfiguration>` request body. */
export function parseNotificationXml(root: XmlElement): NotificationConfiguration {
  if (root.name !== "NotificationConfiguration") throw malformedXml();
  if (root.children.some((child) => !KNOWN_ELEMENTS.has(child.name))) throw malformedXml();
  const configs = (kind: DestinationKind) =>
    childElements(root, ELEMENTS[kind].config).map((config) => ({
      destination: destinationOf(config),
      arn: required(childText(config, ELEMENTS[kind].arn)),
    }));
  const queues = configs("queue").map(({ destination, arn }) => ({
    ...destination,
    QueueArn: arn,
  }));
  const topics = configs("topic").map(({ destination, arn }) => ({
    ...destination,
    TopicArn: arn,
  }));
  const functions = configs("lambda").map(({ destination, arn }) => ({
    ...destination,
    LambdaFunctionArn: arn,
  }));
  return {
    ...(queues.length > 0 && { QueueConfigurations: queues }),
    ...(topics.length > 0 && { TopicConfigurations: topics }),
    ...(functions.length > 0 && { LambdaFunctionConfigurations: functions }),
    ...(childElement(root, EVENT_BRIDGE) && { EventBridgeConfiguration: {} }),
  };
}

function destinationOf(config: XmlElement): DestinationConfiguration {
  const id = childText(config, "Id");
  const filter = childElement(config, "Filter");
  const s3Key = filter && childElement(filter, "S3Key");
  const rules = s3Key && childElements(s3Key, "FilterRule").map(ruleOf);
  return {
    ...(id !== undefined && { Id: id }),
    Events: childElements(config, "Event").map((event) => event.text.trim()),
    ...(rules && { Filter: { Key: { FilterRules: rules } } }),
  };
}

function ruleOf(rule: XmlElement): S3FilterRule {
  const name = childText(rule, "Name");
  const value = childText(rule, "Value");
  return {
    ...(name !== undefined && { Name: name.trim() }),
    ...(value !== undefined && { Value: value }),
  };
}

function required(text: string | undefined): string {
  if (text === undefined || text.trim() === "") throw malformedXml();
  return text.trim();
}

/** The children of `<NotificationConfiguration>` as GetBucketNotificationConfiguration sends them. */
export function renderNotificationXml(configuration: NotificationConfiguration): string[] {
  const rendered = destinationsOf(configuration).map(({ kind, arn, config }) =>
    xmlNode(
      ELEMENTS[kind].config,
      xmlText("Id", config.Id),
      xmlText(ELEMENTS[kind].arn, arn),
      ...config.Events.map((event) => xmlText("Event", event)),
      renderFilter(config.Filter?.Key?.FilterRules),
    ),
  );
  if (configuration.EventBridgeConfiguration) rendered.push(xmlNode(EVENT_BRIDGE));
  return rendered;
}

function renderFilter(rules: readonly S3FilterRule[] | undefined): string {
  if (rules === undefined) return "";
  const rendered = rules.map((rule) =>
    xmlNode(
      "FilterRule",
      xmlText("Name", capitalize(rule.Name ?? "")),
      xmlText("Value", rule.Value),
    ),
  );
  return xmlNode("Filter", xmlNode("S3Key", ...rendered));
}

/** S3 accepts rule names in any case and returns them as `Prefix` and `Suffix`. */
function capitalize(name: string): string {
  const lower = name.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
