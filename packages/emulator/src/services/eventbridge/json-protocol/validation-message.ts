/**
 * The message AWS's request validation gives for one broken constraint of a service's model,
 * recorded for both EventBridge and CloudWatch Logs:
 * `1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member
 * must have value less than or equal to 10000`.
 */
export function constraintViolation(path: string, value: unknown, constraint: string): string {
  const shown = value === null ? "null" : `'${describeValue(value)}'`;
  return `1 validation error detected: Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** A value as the services' Java models print it: strings bare, lists as `[a, b]`. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(", ")}]`;
  if (value === null || value === undefined) return "null";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
