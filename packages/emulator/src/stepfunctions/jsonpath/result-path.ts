import { InvalidStateMachineError } from "@domovoi/runtime";
import { runtimeError } from "../errors.js";
import { isJsonObject, toJsonText } from "../json.js";
import { JsonPath } from "./json-path.js";

/**
 * A `ResultPath`: where a state's result goes in a copy of its raw input. `$` replaces the input,
 * `null` keeps it and discards the result, and a reference path (names and indexes into `$`)
 * places the result there, creating the objects on the way. The input itself is never modified.
 */
export class ResultPath {
  readonly text: string | null;
  readonly #keys: readonly (string | number)[] | undefined;

  constructor(text: string | null) {
    this.text = text;
    if (text === null) return;
    const path = new JsonPath(text);
    if (path.root.kind !== "data" || !path.definite) {
      throw new InvalidStateMachineError(`ResultPath '${text}' is not a reference path.`);
    }
    this.#keys = path.segments.map((segment) =>
      segment.type === "name" ? segment.name : segment.type === "index" ? segment.index : "",
    );
  }

  apply(input: unknown, result: unknown): unknown {
    const keys = this.#keys;
    if (keys === undefined) return input;
    if (keys.length === 0) return result;
    return this.#place(input, keys, 0, result);
  }

  #place(
    node: unknown,
    keys: readonly (string | number)[],
    depth: number,
    result: unknown,
  ): unknown {
    if (depth === keys.length) return result;
    const key = keys[depth]!;
    if (typeof key === "number" && Array.isArray(node) && key >= 0 && key < node.length) {
      const copy = [...node];
      copy[key] = this.#place(node[key], keys, depth + 1, result);
      return copy;
    }
    if (typeof key === "string" && (node === undefined || isJsonObject(node))) {
      const parent = node ?? {};
      return { ...parent, [key]: this.#place(parent[key], keys, depth + 1, result) };
    }
    throw runtimeError(
      `Invalid path '${this.text}' : Unable to apply the ResultPath to the input '${toJsonText(node)}'`,
    );
  }
}
