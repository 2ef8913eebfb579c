import { escapeXml } from "../protocols/xml.js";
import type { AwsResponse } from "../service.js";

const S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** `<name>value</name>` with the value escaped; nothing when the value is undefined. */
export function xmlText(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? "" : `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>` around elements already rendered. */
export function xmlNode(name: string, ...children: readonly string[]): string {
  return `<${name}>${children.join("")}</${name}>`;
}

/** A 200 response whose body is an S3 XML document with `root` as its element. */
export function xmlResponse(
  root: string,
  children: readonly string[],
  headers: Readonly<Record<string, string>> = {},
): AwsResponse {
  return {
    statusCode: 200,
    headers: { "content-type": "application/xml", ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${children.join("")}</${root}>`,
  };
}

/** S3 writes times in XML as ISO 8601 with milliseconds. */
export function xmlTime(time: Date): string {
  return time.toISOString();
}
