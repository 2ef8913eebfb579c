import type { SnapshotTransformer } from "./corpus-case.js";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Values that change on every call (request ids, dates, trace ids, log tails): the recorder
 * replaced them, sometimes whole and sometimes inside a list, so both sides compare as a token.
 */
const VOLATILE_KEYS = new Set([
  "x-amzn-RequestId",
  "RequestId",
  "Date",
  "X-Amzn-Trace-Id",
  "LogResult",
  "X-Amz-Log-Result",
]);

/**
 * Puts an actual value through the replacements LocalStack's recorder applied to the expected
 * one: the case's own transformers first (names, jsonpath keys), then the corpus defaults
 * (UUIDs, ISO dates, region, partition). `extra` holds replacements the recorder made without
 * listing them in the case (see `corpusQuirks`).
 */
export function normalizeActual(
  value: unknown,
  transformers: readonly SnapshotTransformer[],
  defaults: readonly SnapshotTransformer[],
  extra: readonly (readonly [string, string])[],
): unknown {
  let keyed = value;
  for (const transformer of transformers) {
    if (transformer.type === "jsonpath") {
      keyed = replaceKey(keyed, transformer.jsonpath.split(".").at(-1)!, transformer.replacement);
    }
  }
  let text = JSON.stringify(keyed) ?? "null";
  for (const [literal, replacement] of extra) text = text.replaceAll(literal, replacement);
  for (const transformer of [...transformers, ...defaults]) {
    if (transformer.type === "regex") {
      text = text.replace(new RegExp(transformer.regex, "g"), transformer.replacement);
    }
  }
  return canonical(JSON.parse(text.replace(UUID, "<uuid>")));
}

/** The expected value with the recorder's numbered placeholders reduced to plain tokens. */
export function normalizeExpected(value: unknown): unknown {
  return canonical(value);
}

/** The same normal form for both sides: placeholders, volatile values and Lambda error payloads. */
function canonical(value: unknown): unknown {
  if (typeof value === "string") return canonicalString(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (typeof record.errorType === "string" && typeof record.errorMessage === "string") {
    return lambdaError(record.errorType, record.errorMessage);
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [
      key,
      VOLATILE_KEYS.has(key) ? "<volatile>" : canonical(item),
    ]),
  );
}

/**
 * A Lambda error payload (Python runtime text with a stack trace and request id, in whatever
 * spacing) compares on its error type and message only.
 */
function canonicalString(text: string): string {
  const type = /"errorType": ?"((?:[^"\\]|\\.)*)"/.exec(text);
  const message = /"errorMessage": ?"((?:[^"\\]|\\.)*)"/.exec(text);
  if (text.startsWith("{") && type && message) {
    return lambdaError(JSON.parse(`"${type[1]}"`), JSON.parse(`"${message[1]}"`));
  }
  return text
    .replace(/<uuid:\d+>/g, "<uuid>")
    .replace(/'<json-input:\d+>'/g, "'<json-input>'")
    .replace(/'\{.*\}'/g, "'<json-input>'")
    .replace(/Request ID: [^;]+;/g, "Request ID: <request-id>;");
}

function lambdaError(errorType: string, errorMessage: string): string {
  return `<lambda error ${errorType}: ${errorMessage}>`;
}

function replaceKey(value: unknown, key: string, replacement: string): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceKey(item, key, replacement));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [
      name,
      name === key ? replacement : replaceKey(item, key, replacement),
    ]),
  );
}
