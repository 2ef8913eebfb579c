import { escapeXml } from "../../protocols/xml.js";

const NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";

/** JSON list members and the name of each of their (flattened) XML elements. */
const LIST_ELEMENTS: Readonly<Record<string, string>> = {
  QueueUrls: "QueueUrl",
  Messages: "Message",
  Failed: "BatchResultErrorEntry",
};

/** JSON map members and their XML entries: [entry element, key element, value element]. */
const MAP_ELEMENTS: Readonly<Record<string, readonly [string, string, string]>> = {
  Attributes: ["Attribute", "Name", "Value"],
  MessageAttributes: ["MessageAttribute", "Name", "Value"],
  Tags: ["Tag", "Key", "Value"],
};

/**
 * Renders an action's output (in the JSON protocol's shape) as the query protocol's XML
 * response: `<ActionResponse><ActionResult>...</ActionResult><ResponseMetadata>...`, with lists
 * and maps flattened the way SQS's XML serialises them.
 */
export function queryResponse(
  action: string,
  output: object,
  requestId: string,
  hasResult: boolean,
): string {
  const result = hasResult ? `<${action}Result>${members(output, action)}</${action}Result>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${NAMESPACE}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

function members(fields: object, action: string): string {
  return Object.entries(fields)
    .map(([name, value]) => member(name, value, action))
    .join("");
}

function member(name: string, value: unknown, action: string): string {
  if (Array.isArray(value)) {
    // Batch results name their entries after the action: `SendMessageBatchResultEntry`.
    const item = name === "Successful" ? `${action}ResultEntry` : (LIST_ELEMENTS[name] ?? name);
    return value.map((entry) => element(item, entry, action)).join("");
  }
  const map = MAP_ELEMENTS[name];
  if (map && isRecord(value)) {
    const [entry, key, item] = map;
    return Object.entries(value)
      .map(
        ([k, v]) =>
          `<${entry}><${key}>${escapeXml(k)}</${key}>${element(item, v, action)}</${entry}>`,
      )
      .join("");
  }
  return element(name, value, action);
}

function element(name: string, value: unknown, action: string): string {
  const content = isRecord(value) ? members(value, action) : escapeXml(String(value));
  return `<${name}>${content}</${name}>`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
