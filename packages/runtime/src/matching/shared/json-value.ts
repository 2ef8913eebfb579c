/** A value at the end of a path through a JSON document: what every value condition tests. */
export type JsonScalar = string | number | boolean | null;

export type JsonObject = Readonly<Record<string, unknown>>;

/** One compiled condition on a leaf value (an exact value, a prefix, a numeric range, ...). */
export type LeafTest = (leaf: JsonScalar) => boolean;

/** True for the objects a path walks into: plain JSON objects, not arrays. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isJsonScalar(value: unknown): value is JsonScalar {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  );
}

/**
 * The value of JSON text, or `undefined` when the text is not JSON (a value JSON.parse never
 * yields), so that each caller decides what malformed input means.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
