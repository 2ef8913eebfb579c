import { InvalidEventError } from "../errors.js";

/** Fields TestEventPattern requires (it does not enforce `resources`, though documented). */
const REQUIRED_FIELDS = ["id", "account", "source", "time", "region", "detail-type"] as const;

/** The parsed event, or InvalidEventError if the text is not JSON. */
export function parseEvent(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidEventError({ cause });
  }
}

/**
 * Checks an event the way TestEventPattern does: a JSON object (or its text) carrying the
 * envelope fields. Returns the parsed event; throws InvalidEventError otherwise.
 */
export function validateEvent(event: unknown): Record<string, unknown> {
  const parsed = typeof event === "string" ? parseEvent(event) : event;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new InvalidEventError();
  }
  if (!REQUIRED_FIELDS.every((field) => Object.hasOwn(parsed, field)))
    throw new InvalidEventError();
  return parsed as Record<string, unknown>;
}
