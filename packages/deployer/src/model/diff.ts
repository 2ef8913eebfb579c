import type { JsonObject, JsonValue } from "@domovoi/runtime";

/** One changed field, by its path (`environment.LOG_LEVEL`, `policies.app`). */
export interface FieldChange {
  readonly path: string;
  /** Absent when the field is new. */
  readonly from?: JsonValue;
  /** Absent when the field is removed. */
  readonly to?: JsonValue;
}

/**
 * The field-level differences between a live and a desired object. Objects are compared key by
 * key (so a changed environment variable shows as that variable), anything else as a whole;
 * key order never matters.
 */
export function diffProperties(live: JsonObject, desired: JsonObject, prefix = ""): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(live), ...Object.keys(desired)])].sort();
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const from = live[key];
    const to = desired[key];
    if (isPlainObject(from) && isPlainObject(to)) {
      changes.push(...diffProperties(from, to, path));
    } else if (!jsonEqual(from, to)) {
      changes.push({ path, ...(from !== undefined && { from }), ...(to !== undefined && { to }) });
    }
  }
  return changes;
}

export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON text with object keys sorted, so that equal values give equal text. */
function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return "undefined";
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key]!)]),
  );
}

export function isPlainObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
