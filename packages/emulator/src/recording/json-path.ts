import type { JsonValue } from "@domovoi/runtime";
import { InvalidJsonPathError } from "./errors.js";

type Step =
  | { readonly kind: "member"; readonly name: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "wildcard" }
  /** `..name`: the member at any depth. */
  | { readonly kind: "descendant"; readonly name: string };

/** A compiled path of the supported JSONPath subset. */
export interface JsonPath {
  readonly source: string;
  readonly steps: readonly Step[];
}

// One step at a time: `..name`, `.name`, `.*`, `[0]`, `[*]`, `['name']` or `["name"]`.
const STEP =
  /^(?:\.\.([^.[\]*]+)|\.([^.[\]*]+)|\.(\*)|\[(\d+)\]|\[(\*)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/;

/**
 * Compiles a JSONPath such as `$.result.items[*].id`, `$..timestamp` or `result['x-id']` (the
 * leading `$` may be left out).
 * @throws InvalidJsonPathError outside that syntax.
 */
export function compileJsonPath(source: string): JsonPath {
  let rest = source.startsWith("$") ? source.slice(1) : source;
  if (rest !== "" && !/^[.[]/.test(rest)) rest = `.${rest}`;
  const steps: Step[] = [];
  while (rest !== "") {
    const match = STEP.exec(rest);
    if (!match) throw new InvalidJsonPathError(source, `cannot read ${JSON.stringify(rest)}`);
    steps.push(stepOf(match));
    rest = rest.slice(match[0].length);
  }
  if (steps.length === 0) throw new InvalidJsonPathError(source, "it names the whole document");
  return { source, steps };
}

function stepOf(match: RegExpExecArray): Step {
  const [, descendant, member, dotWildcard, index, bracketWildcard, single, double] = match;
  if (descendant !== undefined) return { kind: "descendant", name: descendant };
  if (member !== undefined) return { kind: "member", name: member };
  if (dotWildcard !== undefined || bracketWildcard !== undefined) return { kind: "wildcard" };
  if (index !== undefined) return { kind: "index", index: Number(index) };
  return { kind: "member", name: (single ?? double)!.replace(/\\(.)/g, "$1") };
}

/** Marks an array element a path ignores: removing it would shift the elements after it. */
export const IGNORED = "<ignored>";

/**
 * A copy of `value` without what the paths select: object members are removed, array elements
 * replaced by {@link IGNORED}.
 */
export function withoutPaths(value: JsonValue, paths: readonly JsonPath[]): JsonValue {
  if (paths.length === 0) return value;
  const copy = structuredClone(value);
  for (const path of paths) remove(copy, path.steps);
  return copy;
}

function remove(node: JsonValue, steps: readonly Step[]): void {
  const [step, ...rest] = steps;
  if (step === undefined || node === null || typeof node !== "object") return;
  const visit = (key: string | number) => {
    if (rest.length === 0) drop(node, key);
    else remove(childOf(node, key), rest);
  };
  switch (step.kind) {
    case "member":
      if (!Array.isArray(node) && Object.hasOwn(node, step.name)) visit(step.name);
      return;
    case "index":
      if (Array.isArray(node) && step.index < node.length) visit(step.index);
      return;
    case "wildcard":
      for (const key of keysOf(node)) visit(key);
      return;
    case "descendant":
      remove(node, [{ kind: "member", name: step.name }, ...rest]);
      for (const key of keysOf(node)) remove(childOf(node, key), steps);
  }
}

function keysOf(node: JsonValue[] | { [key: string]: JsonValue }): (string | number)[] {
  return Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
}

function childOf(
  node: JsonValue[] | { [key: string]: JsonValue },
  key: string | number,
): JsonValue {
  return Array.isArray(node) ? node[key as number]! : node[key as string]!;
}

function drop(node: JsonValue[] | { [key: string]: JsonValue }, key: string | number): void {
  if (Array.isArray(node)) node[key as number] = IGNORED;
  else delete node[key as string];
}
