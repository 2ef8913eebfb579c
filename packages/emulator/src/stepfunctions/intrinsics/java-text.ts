import { isJsonObject } from "../json.js";

/**
 * A JSON value as Step Functions (a Java service) prints it into States.Format's template:
 * strings bare, objects as `Map.toString()` (`{a=1, b=[]}`), arrays as `List.toString()`.
 */
export function javaText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(javaText).join(", ")}]`;
  if (isJsonObject(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}=${javaText(item)}`)
      .join(", ")}}`;
  }
  return String(value);
}
