import { invalidParameter } from "./sns-errors.js";

/**
 * The actions that take topic or subscription attributes. SNS words a refused attribute the same
 * way in both pairs, with a prefix that depends on the action: `Invalid parameter: Attributes
 * Reason: <reason>` where the attributes come as a map (CreateTopic, Subscribe), `Invalid
 * parameter: <reason>` where one attribute is set.
 */
export type AttributeApi =
  | "CreateTopic"
  | "SetTopicAttributes"
  | "Subscribe"
  | "SetSubscriptionAttributes";

export function rejectAttribute(api: AttributeApi, reason: string): never {
  const takesMap = api === "CreateTopic" || api === "Subscribe";
  throw invalidParameter(takesMap ? `Attributes Reason: ${reason}` : reason);
}

/** `true` or `false` in any case, as SNS takes them; stored in lower case. */
export function checkBoolean(api: AttributeApi, name: string, value: string): "true" | "false" {
  const lower = value.toLowerCase();
  if (lower === "true" || lower === "false") return lower;
  return rejectAttribute(api, `${name}: Invalid value [${value}]. Must be true or false.`);
}

/** A JSON policy document; the empty text removes the attribute. */
export function checkJsonDocument(api: AttributeApi, name: string, value: string): unknown {
  if (value === "") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return rejectAttribute(api, `${name}: failed to parse JSON.`);
  }
}
