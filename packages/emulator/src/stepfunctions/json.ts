import type { JsonObject, JsonValue } from "@domovoi/runtime";

export type { JsonObject, JsonValue };

/**
 * Step Functions' payload limit: a state's input, output or task result of more than 256 KiB of
 * UTF-8 JSON fails with `States.DataLimitExceeded`.
 */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values (key order of objects does not matter). */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]))
    );
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key], b[key]))
  );
}

/** The UTF-8 size of a value's JSON text, as Step Functions measures payloads. */
export function jsonByteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "null");
}

/** The JSON text Step Functions shows for a value in history events and error messages. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? "null";
}

/** A value as AWS quotes it in messages and error fields: a string as is, else its JSON text. */
export function plainText(value: unknown): string {
  return typeof value === "string" ? value : toJsonText(value);
}

/** The JSON type name AWS uses in its messages (`object`, `array`, `string`, `null`...). */
export function jsonTypeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
