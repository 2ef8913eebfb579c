import type { ALBEvent } from "aws-lambda";
import { createContext, type EventContext, type GeneratorOptions } from "./context.js";
import { hexId } from "./ids.js";
import { checkTargetGroupName } from "./names.js";
import { type Check, describeValue, ParamReader } from "./params.js";
import { type ResourceType, readResource } from "./resources.js";

type Values = string | readonly string[];

export interface AlbEventParams {
  /** Default `GET`. */
  readonly method?: string;
  /** Default `/`; may end with `?query` when `query` is not given. */
  readonly path?: string;
  /** The raw query string (`a=1&b=2`, passed on undecoded as ALB does) or values to URL-encode. */
  readonly query?: string | Readonly<Record<string, Values>>;
  readonly headers?: Readonly<Record<string, Values>>;
  /** Bytes are base64-encoded; a string is sent as it is unless its content type is binary; other values as JSON. */
  readonly body?: unknown;
  /** The target group's multi-value headers setting: all values of repeated headers and parameters. */
  readonly multiValueHeaders?: boolean;
  /** Target group name or ARN (default `domovoi`). */
  readonly targetGroup?: string;
}

type Pair = readonly [name: string, value: string];

/** ALB passes these bodies as text; any other content type arrives base64-encoded. */
const TEXT_CONTENT = /^(text\/|application\/(json|javascript|xml)\b)/i;

const checkMethod: Check<string> = (method) =>
  /^[A-Z]{1,20}$/.test(method) ? undefined : "expected an upper-case HTTP method such as GET";
const checkPath: Check<string> = (path) =>
  path.startsWith("/") ? undefined : "paths start with /";

export function generateAlbEvent(params: AlbEventParams, options?: GeneratorOptions): ALBEvent {
  const ctx = createContext("alb", options);
  const reader = ParamReader.of("alb", params, [
    "method",
    "path",
    "query",
    "headers",
    "body",
    "multiValueHeaders",
    "targetGroup",
  ]);
  const targetGroup = readResource(
    reader,
    "targetGroup",
    targetGroupType(hexId(ctx, 16)),
    ctx,
    "domovoi",
  );
  const [path, query] = readTarget(reader);
  const payload = readPayload(reader);
  const headers = readHeaders(reader, defaultHeaders(ctx, targetGroup.region, payload));
  const contentType = headers.findLast(([name]) => name === "content-type")?.[1];
  const base64 = payload.binary || (payload.bytes.length > 0 && !isTextContent(contentType));
  const multiValue = reader.optionalBoolean("multiValueHeaders") ?? false;
  return {
    requestContext: { elb: { targetGroupArn: targetGroup.arn } },
    httpMethod: reader.optionalString("method", checkMethod) ?? "GET",
    path,
    ...(multiValue
      ? { multiValueQueryStringParameters: multiMap(query), multiValueHeaders: multiMap(headers) }
      : { queryStringParameters: lastValueMap(query), headers: lastValueMap(headers) }),
    body: payload.bytes.toString(base64 ? "base64" : "utf8"),
    isBase64Encoded: base64,
  };
}

/** The path, and the query either after its `?` or as the `query` parameter. */
function readTarget(reader: ParamReader): [path: string, query: Pair[]] {
  const [path = "/", query] = (reader.optionalString("path", checkPath) ?? "/").split(/\?(.*)/s);
  if (query === undefined) return [path, readQuery(reader)];
  reader.exclusive("path", "query");
  return [path, rawQueryPairs(query)];
}

/** ALB lower-cases header names; given headers replace the defaults of the same name. */
function readHeaders(reader: ParamReader, defaults: readonly Pair[]): Pair[] {
  const given = readPairs(reader, "headers", (name) => name.toLowerCase());
  const replaced = new Set(given.map(([name]) => name));
  return [...defaults.filter(([name]) => !replaced.has(name)), ...given];
}

/** Without a content type the body is taken for text. */
function isTextContent(contentType: string | undefined): boolean {
  return contentType === undefined || TEXT_CONTENT.test(contentType);
}

function targetGroupType(id: string): ResourceType {
  return {
    what: "an ALB target group",
    service: "elasticloadbalancing",
    checkName: checkTargetGroupName,
    resourcePart: (name) => `targetgroup/${name}/${id}`,
    nameOf: (part) => /^targetgroup\/([^/]+)\/[0-9a-f]+$/.exec(part)?.[1],
  };
}

function readQuery(reader: ParamReader): Pair[] {
  const raw = reader.raw("query");
  return typeof raw === "string"
    ? rawQueryPairs(raw)
    : readPairs(reader, "query", encodeURIComponent, encodeURIComponent);
}

/** ALB splits the query string but does not decode it. */
function rawQueryPairs(query: string): Pair[] {
  return query
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const [name = "", value = ""] = part.split(/=(.*)/s);
      return [name, value];
    });
}

function readPairs(
  reader: ParamReader,
  param: string,
  name: (name: string) => string,
  value: (value: string) => string = (text) => text,
): Pair[] {
  const record = reader.optionalRecord(param) ?? {};
  return Object.entries(record).flatMap(([key, values]) => {
    const list: unknown[] = Array.isArray(values) ? values : [values];
    return list.map((item): Pair => {
      if (typeof item !== "string")
        reader.fail(
          `${param}.${key}`,
          `expected a string or a list of strings, got ${describeValue(item)}`,
        );
      return [name(key), value(item)];
    });
  });
}

interface Payload {
  readonly bytes: Buffer;
  /** Bytes always travel base64-encoded; text only when its content type is not textual. */
  readonly binary: boolean;
  readonly contentType?: string;
}

function readPayload(reader: ParamReader): Payload {
  const raw = reader.raw("body");
  if (raw === undefined) return { bytes: Buffer.alloc(0), binary: false };
  if (raw instanceof Uint8Array)
    return { bytes: Buffer.from(raw), binary: true, contentType: "application/octet-stream" };
  const bytes = Buffer.from(reader.text("body"), "utf8");
  return typeof raw === "string"
    ? { bytes, binary: false }
    : { bytes, binary: false, contentType: "application/json" };
}

function defaultHeaders(ctx: EventContext, region: string, payload: Payload): Pair[] {
  const seconds = Math.floor(ctx.time.getTime() / 1000)
    .toString(16)
    .padStart(8, "0");
  const host = `domovoi-${BigInt(`0x${hexId(ctx, 10)}`) % 10_000_000_000n}.${region}.elb.amazonaws.com`;
  return [
    ["accept", "*/*"],
    ["host", host],
    ["user-agent", "curl/8.5.0"],
    ["x-amzn-trace-id", `Root=1-${seconds}-${hexId(ctx, 24)}`],
    ["x-forwarded-for", "127.0.0.1"],
    ["x-forwarded-port", "80"],
    ["x-forwarded-proto", "http"],
    ...(payload.contentType === undefined ? [] : [["content-type", payload.contentType] as const]),
    ...(payload.bytes.length === 0
      ? []
      : [["content-length", String(payload.bytes.length)] as const]),
  ];
}

/** Without multi-value headers, ALB keeps the last value of a repeated name. */
function lastValueMap(pairs: readonly Pair[]): Record<string, string> {
  return Object.fromEntries(pairs);
}

function multiMap(pairs: readonly Pair[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const [name, value] of pairs) map[name] = [...(map[name] ?? []), value];
  return map;
}
