import { invalidParameter, missingParameter } from "./sqs-errors.js";

type Fields = Readonly<Record<string, unknown>>;

/**
 * The parameters of one SQS request, read with SQS's errors: both protocol adapters hand their
 * decoded input over in the JSON protocol's shape (query values are all strings, so numbers
 * are read from either form).
 */
export class OperationInput {
  readonly #fields: Fields;

  constructor(fields: unknown) {
    this.#fields = isRecord(fields) ? fields : {};
  }

  has(name: string): boolean {
    return this.#fields[name] !== undefined && this.#fields[name] !== null;
  }

  string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) throw missingParameter(name);
    return value;
  }

  optionalString(name: string): string | undefined {
    const value = this.#value(name);
    if (value === undefined || typeof value === "string") return value;
    throw invalidParameter(name, JSON.stringify(value), "Must be a string.");
  }

  optionalInteger(name: string): number | undefined {
    const value = this.#value(name);
    if (value === undefined) return undefined;
    const number = typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number === "number" && Number.isInteger(number)) return number;
    throw invalidParameter(name, JSON.stringify(value), "Must be an integer.");
  }

  stringList(name: string): string[] {
    const value = this.#value(name) ?? [];
    if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
    throw invalidParameter(name, JSON.stringify(value), "Must be a list of strings.");
  }

  /** A map of strings (`Attributes`, `tags`); numbers and booleans are taken as their text. */
  stringMap(name: string): Record<string, string> {
    const entries = Object.entries(this.record(name));
    const invalid = entries.find(
      ([, value]) => !["string", "number", "boolean"].includes(typeof value),
    );
    if (invalid)
      throw invalidParameter(
        `${name}.${invalid[0]}`,
        JSON.stringify(invalid[1]),
        "Must be a string.",
      );
    return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
  }

  record(name: string): Readonly<Record<string, unknown>> {
    const value = this.#value(name) ?? {};
    if (isRecord(value)) return value;
    throw invalidParameter(name, JSON.stringify(value), "Must be a map.");
  }

  /** The entries of a batch request, each read like a request of its own. */
  list(name: string): OperationInput[] {
    const value = this.#value(name) ?? [];
    if (!Array.isArray(value))
      throw invalidParameter(name, JSON.stringify(value), "Must be a list.");
    return value.map((entry) => new OperationInput(entry));
  }

  #value(name: string): unknown {
    const value = this.#fields[name];
    return value === null ? undefined : value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
