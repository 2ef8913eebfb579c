import { InvalidStateMachineError } from "@domovoi/runtime";
import { isJsonObject } from "../json.js";

/** A state as written in the definition (already checked by `validateDefinition`). */
export type StateDefinition = Readonly<Record<string, unknown>>;

export type QueryLanguage = "JSONPath" | "JSONata";

/**
 * Typed reads of definition fields. The validator has already vetted the shapes, so these only
 * guard the interpreter's own assumptions, failing with the state and field at fault.
 */
export class DefinitionReader {
  readonly definition: StateDefinition;
  readonly where: string;

  constructor(definition: unknown, where: string) {
    if (!isJsonObject(definition)) fail(where, "must be an object");
    this.definition = definition;
    this.where = where;
  }

  has(field: string): boolean {
    return this.definition[field] !== undefined;
  }

  string(field: string): string | undefined {
    const value = this.definition[field];
    if (value !== undefined && typeof value !== "string") this.#fail(field, "must be a string");
    return value;
  }

  requiredString(field: string): string {
    return this.string(field) ?? this.#fail(field, "is required");
  }

  number(field: string): number | undefined {
    const value = this.definition[field];
    if (value !== undefined && typeof value !== "number") this.#fail(field, "must be a number");
    return value;
  }

  array(field: string): readonly unknown[] {
    const value = this.definition[field] ?? [];
    if (!Array.isArray(value)) this.#fail(field, "must be an array");
    return value;
  }

  object(field: string): StateDefinition | undefined {
    const value = this.definition[field];
    if (value !== undefined && !isJsonObject(value)) this.#fail(field, "must be an object");
    return value;
  }

  #fail(field: string, problem: string): never {
    return fail(`${this.where}/${field}`, problem);
  }
}

function fail(where: string, problem: string): never {
  throw new InvalidStateMachineError(`${where} ${problem}.`);
}
