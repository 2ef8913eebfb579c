import { RegistrationError } from "../errors.js";
import type { JsonObject } from "../manifest.js";

/**
 * Option checks shared by the registration methods. Each throws a {@link RegistrationError}
 * naming the option, with the range AWS accepts, instead of letting AWS reject it at deploy time.
 */
export function checkInteger(value: unknown, option: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new RegistrationError(
      `${option} must be an integer from ${min} to ${max}, got ${describe(value)}.`,
    );
  }
  return value;
}

export function checkBoolean(value: unknown, option: string): boolean {
  if (typeof value !== "boolean") {
    throw new RegistrationError(`${option} must be true or false, got ${describe(value)}.`);
  }
  return value;
}

export function checkOneOf<T extends string>(
  value: unknown,
  option: string,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T)) {
    throw new RegistrationError(
      `${option} must be one of ${allowed.join(", ")}, got ${describe(value)}.`,
    );
  }
  return value as T;
}

export function checkString(value: unknown, option: string, maxLength: number): string {
  if (typeof value !== "string" || value.length > maxLength) {
    throw new RegistrationError(
      `${option} must be a string of at most ${maxLength} characters, got ${describe(value)}.`,
    );
  }
  return value;
}

/** A plain object (not an array, not null), as options and JSON documents must be. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "an array";
  return value === null || typeof value !== "object" ? String(value) : "an object";
}

/**
 * A JSON object document (a pattern, a policy) as a fresh object, whether it was given as JSON
 * text or as an object, so that the manifest owns a plain copy.
 */
export function jsonObject(document: unknown, option: string): JsonObject {
  let copy: unknown;
  try {
    copy = JSON.parse(typeof document === "string" ? document : JSON.stringify(document));
  } catch (cause) {
    throw new RegistrationError(`${option} must be JSON, got ${describe(document)}.`, { cause });
  }
  if (!isPlainObject(copy)) {
    throw new RegistrationError(`${option} must be a JSON object, got ${describe(document)}.`);
  }
  return copy as JsonObject;
}
