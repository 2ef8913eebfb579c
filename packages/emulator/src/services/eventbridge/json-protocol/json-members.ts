import { AwsServiceError } from "../../errors.js";
import { constraintViolation, describeValue } from "./validation-message.js";

/** How a service words a request that breaks its model's constraints. */
export type ValidationFailure = (message: string) => AwsServiceError;

export interface StringConstraints {
  readonly min?: number;
  readonly max?: number;
  /** The pattern, and its text as the service's model writes it in messages. */
  readonly pattern?: { readonly regex: RegExp; readonly text: string };
  readonly oneOf?: readonly string[];
}

export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
}

export interface ListConstraints extends NumberRange {
  /** How the service's messages print one item (Java's `toString` of the request model). */
  readonly describeItem?: (item: unknown) => string;
}

type Fields = Readonly<Record<string, unknown>>;

/**
 * The members of one request (or of one structure in it) of an AWS JSON-protocol service, read
 * with the constraints of the service's model. A broken constraint is refused with the model's
 * own message (`1 validation error detected: Value 'x' at 'name' failed to satisfy constraint:
 * ...`), naming members as the service does: lower camel case, list items as `targets.1.member`.
 */
export class JsonMembers {
  readonly #fields: Fields;
  readonly #path: string;
  readonly #fail: ValidationFailure;

  private constructor(fields: Fields, path: string, fail: ValidationFailure) {
    this.#fields = fields;
    this.#path = path;
    this.#fail = fail;
  }

  /** The request body; one that is not a JSON object is refused as the SDK's services do. */
  static parse(body: Buffer, fail: ValidationFailure): JsonMembers {
    let fields: unknown = {};
    if (body.length > 0) {
      try {
        fields = JSON.parse(body.toString("utf8"));
      } catch {
        throw serializationException("The request body is not valid JSON.");
      }
    }
    if (!isRecord(fields)) throw serializationException("The request body is not a JSON object.");
    return new JsonMembers(fields, "", fail);
  }

  has(name: string): boolean {
    return this.#value(name) !== undefined;
  }

  string(name: string, constraints: StringConstraints = {}): string {
    const value = this.optionalString(name, constraints);
    if (value === undefined) throw this.#violation(name, null, "Member must not be null");
    return value;
  }

  optionalString(name: string, constraints: StringConstraints = {}): string | undefined {
    const value = this.#typed(name, "string", (v): v is string => typeof v === "string");
    if (value !== undefined) this.#checkString(name, value, constraints);
    return value;
  }

  optionalEnum<T extends string>(name: string, values: readonly T[]): T | undefined {
    return this.optionalString(name, { oneOf: values }) as T | undefined;
  }

  integer(name: string, range: NumberRange = {}): number {
    const value = this.optionalInteger(name, range);
    if (value === undefined) throw this.#violation(name, null, "Member must not be null");
    return value;
  }

  optionalInteger(name: string, range: NumberRange = {}): number | undefined {
    const value = this.#typed(name, "integer", (v): v is number => Number.isInteger(v));
    if (value !== undefined) this.#checkRange(name, value, range, "value");
    return value;
  }

  /** A number that may have a fraction: epoch seconds, as the SDK writes timestamps. */
  optionalNumber(name: string): number | undefined {
    return this.#typed(name, "number", (v): v is number => Number.isFinite(v));
  }

  optionalBoolean(name: string): boolean | undefined {
    return this.#typed(name, "boolean", (v): v is boolean => typeof v === "boolean");
  }

  stringList(
    name: string,
    list: ListConstraints = {},
    item: StringConstraints = {},
  ): string[] | undefined {
    const items = this.#list(name, list);
    return items?.map((value, index) => {
      if (typeof value !== "string") throw typeMismatch(`${this.#memberPath(name)}.${index + 1}`);
      this.#checkString(`${name}.${index + 1}.member`, value, item);
      return value;
    });
  }

  /** A map of strings, checked key by key. */
  stringMap(name: string): Record<string, string> | undefined {
    const value = this.#typed(name, "map", isRecord);
    if (value === undefined) return undefined;
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== "string") throw typeMismatch(`${this.#memberPath(name)}.${key}`);
    }
    return value as Record<string, string>;
  }

  optionalStructure(name: string): JsonMembers | undefined {
    const value = this.#typed(name, "structure", isRecord);
    return value && new JsonMembers(value, `${this.#memberPath(name)}.`, this.#fail);
  }

  /** The structures of a list, each read like a request of its own. */
  structures(name: string, list: ListConstraints = {}): JsonMembers[] | undefined {
    return this.#list(name, list)?.map((value, index) => {
      const path = `${this.#memberPath(name)}.${index + 1}.member.`;
      if (!isRecord(value)) throw typeMismatch(path.slice(0, -1));
      return new JsonMembers(value, path, this.#fail);
    });
  }

  /** The raw value of a member, for the few that are free-form JSON. */
  raw(name: string): unknown {
    return this.#value(name);
  }

  /** A refusal of the member's value in the model's words, for checks beyond the model. */
  violation(name: string, value: unknown, constraint: string): AwsServiceError {
    return this.#violation(name, value, constraint);
  }

  #list(name: string, constraints: ListConstraints): unknown[] | undefined {
    const items = this.#typed(name, "list", Array.isArray);
    if (items === undefined) return undefined;
    const { min, max, describeItem = describeValue } = constraints;
    const shown = () => `[${items.map(describeItem).join(", ")}]`;
    if (min !== undefined && items.length < min) {
      throw this.#fail(
        constraintViolation(
          this.#memberPath(name),
          shown(),
          `Member must have length greater than or equal to ${min}`,
        ),
      );
    }
    if (max !== undefined && items.length > max) {
      throw this.#fail(
        constraintViolation(
          this.#memberPath(name),
          shown(),
          `Member must have length less than or equal to ${max}`,
        ),
      );
    }
    return items;
  }

  #checkString(name: string, value: string, constraints: StringConstraints): void {
    const { pattern, oneOf } = constraints;
    this.#checkRange(name, value.length, constraints, "length", value);
    if (pattern && !pattern.regex.test(value)) {
      throw this.#violation(
        name,
        value,
        `Member must satisfy regular expression pattern: ${pattern.text}`,
      );
    }
    if (oneOf && !oneOf.includes(value)) {
      throw this.#violation(
        name,
        value,
        `Member must satisfy enum value set: [${oneOf.join(", ")}]`,
      );
    }
  }

  #checkRange(
    name: string,
    measure: number,
    { min, max }: NumberRange,
    what: "value" | "length",
    value: unknown = measure,
  ): void {
    if (min !== undefined && measure < min) {
      throw this.#violation(
        name,
        value,
        `Member must have ${what} greater than or equal to ${min}`,
      );
    }
    if (max !== undefined && measure > max) {
      throw this.#violation(name, value, `Member must have ${what} less than or equal to ${max}`);
    }
  }

  #typed<T>(name: string, type: string, is: (value: unknown) => value is T): T | undefined {
    const value = this.#value(name);
    if (value === undefined || is(value)) return value;
    throw typeMismatch(this.#memberPath(name), type);
  }

  #violation(name: string, value: unknown, constraint: string): AwsServiceError {
    return this.#fail(constraintViolation(this.#memberPath(name), value, constraint));
  }

  /** `Name` at the top level is `name`; `Id` of the first target is `targets.1.member.id`. */
  #memberPath(name: string): string {
    return `${this.#path}${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  }

  #value(name: string): unknown {
    const value = Object.hasOwn(this.#fields, name) ? this.#fields[name] : undefined;
    return value === null ? undefined : value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What the services answer for a body their deserializer cannot read. */
function serializationException(message: string): AwsServiceError {
  return new AwsServiceError("SerializationException", message);
}

function typeMismatch(path: string, type?: string): AwsServiceError {
  return serializationException(
    type === undefined ? `Unexpected value type at '${path}'.` : `Expected a ${type} at '${path}'.`,
  );
}
