import type { JsonValue } from "@domovoi/runtime";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
/** `requestId`, `awsRequestId`, `request_id`, `x-amz-request-id`, `RequestId`... */
const REQUEST_ID_KEY = /^(?:aws|x-amzn?-)?request[-_]?id$/i;
const EPOCH_MS_DIGITS = /^\d{13}$/;
// Epoch milliseconds of this century: 13-digit numbers are little else in practice.
const EPOCH_MS_MIN = Date.UTC(2001, 8, 9, 1, 46, 40);
const EPOCH_MS_MAX = Date.UTC(2100, 0, 1);

export const PLACEHOLDERS = {
  requestId: "<request-id>",
  uuid: "<uuid>",
  timestamp: "<timestamp>",
  epochMs: "<epoch-ms>",
} as const;

/**
 * The value with what changes from one run to the next replaced by placeholders, so that two
 * runs of the same code compare equal: values of request id fields, UUIDs and ISO 8601 times
 * (also inside longer strings, such as `RequestId: … Error: …`), and epoch-millisecond numbers.
 */
export function normalizeVolatile(value: JsonValue): JsonValue {
  return normalize(value, undefined);
}

function normalize(value: JsonValue, key: string | undefined): JsonValue {
  if (key !== undefined && REQUEST_ID_KEY.test(key) && typeof value === "string") {
    return PLACEHOLDERS.requestId;
  }
  if (typeof value === "string") return normalizeString(value);
  if (typeof value === "number") return isEpochMs(value) ? PLACEHOLDERS.epochMs : value;
  if (Array.isArray(value)) return value.map((item) => normalize(item, undefined));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, normalize(item, name)]),
  );
}

function normalizeString(text: string): string {
  if (EPOCH_MS_DIGITS.test(text) && isEpochMs(Number(text))) return PLACEHOLDERS.epochMs;
  return text.replace(UUID, PLACEHOLDERS.uuid).replace(ISO_TIMESTAMP, PLACEHOLDERS.timestamp);
}

function isEpochMs(value: number): boolean {
  return Number.isInteger(value) && value >= EPOCH_MS_MIN && value < EPOCH_MS_MAX;
}
