/** A value at the end of an event path: EventBridge matches only these, never objects. */
export type JsonLeaf = string | number | boolean | null;

/** One compiled condition on a leaf value (exact value, prefix, numeric range, ...). */
export type LeafTest = (leaf: JsonLeaf) => boolean;

export function isLeaf(value: unknown): value is JsonLeaf {
  return value === null || (typeof value !== "object" && typeof value !== "undefined");
}

/** True for objects EventBridge walks into: plain JSON objects, not arrays. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
