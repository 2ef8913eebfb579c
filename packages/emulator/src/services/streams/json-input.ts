import { AwsServiceError } from "../errors.js";

/** Inclusive bounds of a length or a value. */
export interface Length {
  readonly min: number;
  readonly max: number;
}

/**
 * The parameters of one JSON-protocol request of the stream services (Kinesis, DynamoDB
 * Streams), read with the `ValidationException` their request validation answers, in its
 * wording: `1 validation error detected: Value ... at '<member>' failed to satisfy constraint`.
 */
export class JsonInput {
  readonly #fields: Readonly<Record<string, unknown>>;

  constructor(fields: unknown) {
    this.#fields = isRecord(fields) ? fields : {};
  }

  /** The request body parsed; a body that is not JSON is a `SerializationException`. */
  static parse(body: Buffer): JsonInput {
    if (body.length === 0) return new JsonInput({});
    try {
      return new JsonInput(JSON.parse(body.toString("utf8")));
    } catch {
      throw new AwsServiceError(
        "SerializationException",
        "Start of structure or map found where not expected.",
      );
    }
  }

  string(name: string, length?: Length): string {
    const value = this.optionalString(name, length);
    if (value === undefined) throw notNull(name);
    return value;
  }

  optionalString(name: string, length?: Length): string | undefined {
    const value = this.#value(name);
    if (value === undefined) return undefined;
    if (typeof value !== "string") throw serialization(name, "a string");
    if (length && value.length < length.min) {
      throw constraint(
        value,
        name,
        `Member must have length greater than or equal to ${length.min}`,
      );
    }
    if (length && value.length > length.max) {
      throw constraint(value, name, `Member must have length less than or equal to ${length.max}`);
    }
    return value;
  }

  optionalInteger(name: string, range?: Length): number | undefined {
    const value = this.#value(name);
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value))
      throw serialization(name, "an integer");
    if (range && value < range.min) {
      throw constraint(
        String(value),
        name,
        `Member must have value greater than or equal to ${range.min}`,
      );
    }
    if (range && value > range.max) {
      throw constraint(
        String(value),
        name,
        `Member must have value less than or equal to ${range.max}`,
      );
    }
    return value;
  }

  /** A timestamp as the JSON protocols send it: epoch seconds. */
  optionalTimestamp(name: string): number | undefined {
    const value = this.#value(name);
    if (value === undefined) return undefined;
    if (typeof value === "number" && Number.isFinite(value)) return value * 1000;
    throw serialization(name, "a timestamp");
  }

  /** A blob as the JSON protocols send it: base64. */
  blob(name: string): Buffer {
    const value = this.string(name);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw serialization(name, "base64 data");
    return Buffer.from(value, "base64");
  }

  object(name: string): JsonInput | undefined {
    const value = this.#value(name);
    if (value === undefined) return undefined;
    if (!isRecord(value)) throw serialization(name, "a structure");
    return new JsonInput(value);
  }

  list(name: string): JsonInput[] {
    const value = this.#value(name);
    if (value === undefined) throw notNull(name);
    if (!Array.isArray(value)) throw serialization(name, "a list");
    return value.map((entry) => new JsonInput(entry));
  }

  #value(name: string): unknown {
    const value = this.#fields[name];
    return value === null ? undefined : value;
  }
}

/** AWS names the member in camel case in its validation messages (`streamName`). */
const member = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function notNull(name: string): AwsServiceError {
  return new AwsServiceError(
    "ValidationException",
    `1 validation error detected: Value null at '${member(name)}' failed to satisfy constraint: Member must not be null`,
  );
}

function constraint(value: string, name: string, rule: string): AwsServiceError {
  return new AwsServiceError(
    "ValidationException",
    `1 validation error detected: Value '${value}' at '${member(name)}' failed to satisfy constraint: ${rule}`,
  );
}

function serialization(name: string, expected: string): AwsServiceError {
  return new AwsServiceError("SerializationException", `${name} must be ${expected}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
