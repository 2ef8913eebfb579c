import type { JsonValue } from "@domovoi/runtime";

/** One place where a replayed document differs from the recorded one; undefined means absent. */
export interface Difference {
  /** JSONPath of the place, such as `$.result.items[2].price`. */
  readonly path: string;
  readonly recorded: JsonValue | undefined;
  readonly replayed: JsonValue | undefined;
}

/**
 * The places where two JSON documents differ: members present on one side only, array elements
 * past the shorter length, and differing values (of differing types, or different scalars).
 */
export function diffJson(
  recorded: JsonValue | undefined,
  replayed: JsonValue | undefined,
  path = "$",
): Difference[] {
  if (isObject(recorded) && isObject(replayed)) {
    const keys = new Set([...Object.keys(recorded), ...Object.keys(replayed)]);
    return [...keys].flatMap((key) =>
      diffJson(recorded[key], replayed[key], memberPath(path, key)),
    );
  }
  if (Array.isArray(recorded) && Array.isArray(replayed)) {
    const length = Math.max(recorded.length, replayed.length);
    return Array.from({ length }, (_, index) =>
      diffJson(recorded[index], replayed[index], `${path}[${index}]`),
    ).flat();
  }
  return recorded === replayed ? [] : [{ path, recorded, replayed }];
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function memberPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}
