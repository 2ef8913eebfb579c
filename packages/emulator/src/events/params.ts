import { InvalidEventParamsError } from "./errors.js";

/** Says what is wrong with a value, or `undefined` when it is acceptable. */
export type Check<T> = (value: T) => string | undefined;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Uint8Array) return "binary data";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * Reads the parameters of one generator, which arrive untrusted from the CLI and the HTTP API:
 * every accessor checks the type (and optionally the content) of one parameter and throws an
 * {@link InvalidEventParamsError} naming it. Unknown parameters are rejected up front, so a typo
 * such as `--queu` is reported instead of silently ignored.
 */
export class ParamReader {
  private constructor(
    readonly kind: string,
    private readonly values: Readonly<Record<string, unknown>>,
    private readonly prefix: string,
  ) {}

  static of(kind: string, raw: unknown, allowed: readonly string[], prefix = ""): ParamReader {
    if (!isPlainObject(raw)) {
      throw new InvalidEventParamsError(
        kind,
        prefix,
        `expected an object, got ${describeValue(raw)}`,
      );
    }
    const reader = new ParamReader(kind, raw, prefix);
    const unknown = Object.keys(raw).find((name) => !allowed.includes(name));
    if (unknown !== undefined) {
      reader.fail(unknown, `unknown parameter (expected one of ${allowed.join(", ")})`);
    }
    return reader;
  }

  path(name: string): string {
    return this.prefix === "" ? name : `${this.prefix}.${name}`;
  }

  fail(name: string, problem: string): never {
    throw new InvalidEventParamsError(this.kind, this.path(name), problem);
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.values[name];
  }

  /** Reports the first problem `check` finds in a value of parameter `name`. */
  check<T>(name: string, value: T, check: Check<T> | undefined): T {
    const problem = check?.(value);
    if (problem !== undefined) this.fail(name, problem);
    return value;
  }

  string(name: string, check?: Check<string>): string {
    const value = this.optionalString(name, check);
    if (value === undefined) this.fail(name, "required");
    return value;
  }

  optionalString(name: string, check?: Check<string>): string | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (typeof value !== "string")
      this.fail(name, `expected a string, got ${describeValue(value)}`);
    return this.check(name, value, check);
  }

  /**
   * A payload: a string is taken as it is (a command line passes JSON text this way), any other
   * value is serialised as JSON.
   */
  optionalText(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || typeof value === "string") return value;
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (cause) {
      this.fail(name, `cannot be serialised as JSON (${(cause as Error).message})`);
    }
    if (text === undefined)
      this.fail(name, `cannot be serialised as JSON (${describeValue(value)})`);
    return text;
  }

  text(name: string): string {
    const value = this.optionalText(name);
    if (value === undefined) this.fail(name, "required");
    return value;
  }

  /** A list of strings; a single string stands for a list of one (handy on a command line). */
  optionalStrings(name: string, check?: Check<string>): string[] | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list) || list.length === 0) {
      this.fail(
        name,
        `expected a string or a non-empty list of strings, got ${describeValue(value)}`,
      );
    }
    return list.map((item: unknown, index) => {
      if (typeof item !== "string") {
        this.fail(`${name}[${index}]`, `expected a string, got ${describeValue(item)}`);
      }
      return this.check(`${name}[${index}]`, item, check);
    });
  }

  optionalInteger(name: string, min: number, max: number): number | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(name, `expected an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || typeof value === "boolean") return value;
    this.fail(name, `expected true or false, got ${describeValue(value)}`);
  }

  optionalEnum<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) {
      this.fail(name, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
    }
    return value as T;
  }

  /** A plain object whose keys are data (attribute names, headers), not parameter names. */
  optionalRecord(name: string): Record<string, unknown> | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (!isPlainObject(value)) this.fail(name, `expected an object, got ${describeValue(value)}`);
    return value;
  }

  /** A nested parameter object with its own allowed names. */
  optionalObject(name: string, allowed: readonly string[]): ParamReader | undefined {
    const value = this.values[name];
    return value === undefined
      ? undefined
      : ParamReader.of(this.kind, value, allowed, this.path(name));
  }

  /** A non-empty list of parameter objects, each with the allowed names. */
  optionalObjects(
    name: string,
    allowed: readonly string[],
    maxItems: number,
  ): ParamReader[] | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0 || value.length > maxItems) {
      this.fail(name, `expected a list of 1 to ${maxItems} objects, got ${describeValue(value)}`);
    }
    return value.map((item: unknown, index) =>
      ParamReader.of(this.kind, item, allowed, `${this.path(name)}[${index}]`),
    );
  }

  /**
   * The items of a batch: the objects listed under `listName`, or, without that list, this reader
   * itself standing for a single item whose fields are given at the top level.
   */
  oneOrMany(listName: string, itemFields: readonly string[], maxItems: number): ParamReader[] {
    const items = this.optionalObjects(listName, itemFields, maxItems);
    if (items === undefined) return [this];
    for (const field of itemFields) this.exclusive(listName, field);
    return items;
  }

  /** An instant: a `Date`, an ISO-8601 string or epoch milliseconds. */
  optionalTime(name: string): Date | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    const time =
      value instanceof Date || typeof value === "string" || typeof value === "number"
        ? new Date(value)
        : undefined;
    if (time === undefined || Number.isNaN(time.getTime())) {
      this.fail(
        name,
        `expected a date, an ISO-8601 time or epoch milliseconds, got ${JSON.stringify(value)}`,
      );
    }
    return time;
  }

  /** Parameters that describe the same thing two ways must not both be given. */
  exclusive(...names: string[]): void {
    const given = names.filter((name) => this.has(name));
    if (given.length > 1) this.fail(given[1] ?? "", `cannot be combined with ${given[0]}`);
  }
}
