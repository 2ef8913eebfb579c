import { MalformedEventError } from "../errors.js";
import { isJsonObject, type JsonObject } from "../matching/shared/json-value.js";

// A decoded JSON object: any field may be missing or of any type until it has been read.
export { isJsonObject, type JsonObject };

/** How a value that is not what was expected reads in an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

/** The path of a field inside the value at `path` (`""` is the event itself). */
export function fieldPath(path: string, field: string | number): string {
  if (typeof field === "number") return `${path}[${field}]`;
  return path === "" ? field : `${path}.${field}`;
}

/**
 * An object of an event together with its path, so that every field read from it is checked and
 * a field of the wrong type becomes a {@link MalformedEventError} that names it, never a
 * `TypeError` further on. The event types of `@types/aws-lambda` are what AWS promises; these
 * reads are where Domovoi stops taking the promise on trust.
 */
export class Fields {
  private constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  static of(value: unknown, path: string): Fields {
    if (isJsonObject(value)) return new Fields(value, path);
    throw new MalformedEventError(path === "" ? "the event" : path, "an object", describe(value));
  }

  /** The object encoded as JSON text at `path`. */
  static parse(text: string, path: string): Fields {
    const decodedPath = `JSON.parse(${path})`;
    let decoded: unknown;
    try {
      decoded = JSON.parse(text);
    } catch (cause) {
      throw new MalformedEventError(decodedPath, "a JSON object", "not valid JSON", { cause });
    }
    return Fields.of(decoded, decodedPath);
  }

  pathOf(name: string): string {
    return fieldPath(this.path, name);
  }

  object(name: string): Fields {
    return Fields.of(this.value[name], this.pathOf(name));
  }

  /** The object at `name[index]`. */
  item(name: string, index: number): Fields {
    return Fields.of(this.array(name)[index], fieldPath(this.pathOf(name), index));
  }

  /** The string at `name[index]`. */
  stringItem(name: string, index: number): string {
    return expectString(this.array(name)[index], fieldPath(this.pathOf(name), index));
  }

  array(name: string): readonly unknown[] {
    const value = this.value[name];
    if (Array.isArray(value)) return value;
    throw new MalformedEventError(this.pathOf(name), "an array", describe(value));
  }

  string(name: string): string {
    return expectString(this.value[name], this.pathOf(name));
  }

  optionalString(name: string): string | undefined {
    return this.value[name] === undefined ? undefined : this.string(name);
  }

  number(name: string): number {
    const value = this.value[name];
    if (typeof value === "number") return value;
    throw new MalformedEventError(this.pathOf(name), "a number", describe(value));
  }

  optionalNumber(name: string): number | undefined {
    return this.value[name] === undefined ? undefined : this.number(name);
  }

  /** The object encoded as JSON text in the string field `name`. */
  json(name: string): Fields {
    return Fields.parse(this.string(name), this.pathOf(name));
  }

  /** `table[value]` where the string field `name` holds `value`, which must be a key of `table`. */
  oneOf<T>(table: Readonly<Record<string, T>>, name: string): T {
    const value = this.value[name];
    const entry =
      typeof value === "string" && Object.hasOwn(table, value) ? table[value] : undefined;
    if (entry !== undefined) return entry;
    const choices = Object.keys(table)
      .map((choice) => JSON.stringify(choice))
      .join(", ");
    const found = typeof value === "string" ? JSON.stringify(value) : describe(value);
    throw new MalformedEventError(this.pathOf(name), `one of ${choices}`, found);
  }
}

function expectString(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  throw new MalformedEventError(path, "a string", describe(value));
}

const STARTS_LIKE_AN_OBJECT = /^\s*\{/;

/**
 * The JSON object a message body holds, or `undefined` for any other body: message bodies are
 * free text, so a body that is not a JSON object is an ordinary message, not a malformed one.
 */
export function tryJsonObject(text: string): JsonObject | undefined {
  if (!STARTS_LIKE_AN_OBJECT.test(text)) return undefined;
  try {
    const decoded: unknown = JSON.parse(text);
    return isJsonObject(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/** `Records[0]` when the event has a `Records` array whose first entry is an object. */
export function firstRecord(event: unknown): JsonObject | undefined {
  if (!isJsonObject(event) || !Array.isArray(event.Records)) return undefined;
  const first: unknown = event.Records[0];
  return isJsonObject(first) ? first : undefined;
}
