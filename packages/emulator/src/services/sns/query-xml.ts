import { xmlElements } from "../protocols/xml.js";

const NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

/**
 * The XML body of a query-protocol answer: `<ActionResponse>` holding `<ActionResult>` (absent
 * for actions without output) and the request id, as SNS writes it and the AWS SDK reads it.
 */
export function queryResponse(action: string, result: string | undefined, requestId: string) {
  const resultElement = result === undefined ? "" : element(`${action}Result`, result);
  return `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${NAMESPACE}">${resultElement}${element("ResponseMetadata", xmlElements({ RequestId: requestId }))}</${action}Response>`;
}

export function element(name: string, content: string): string {
  return `<${name}>${content}</${name}>`;
}

/** A list: one `<member>` per item, each holding the item's elements. */
export function members(items: readonly Readonly<Record<string, string | undefined>>[]): string {
  return items.map((item) => element("member", xmlElements(item))).join("");
}

/** A map of strings: `<entry><key/><value/></entry>` per entry. */
export function entries(map: Readonly<Record<string, string>>): string {
  return Object.entries(map)
    .map(([key, value]) => element("entry", xmlElements({ key, value })))
    .join("");
}
