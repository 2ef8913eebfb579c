import { isJsonObject } from "../json.js";
import { type ParsedPath, type PathRoot, type PathSegment, parseJsonPath } from "./path-syntax.js";

/** What a definite path evaluates to when the data has nothing at it. */
export const MISSING: unique symbol = Symbol("missing");
export type Missing = typeof MISSING;

/** The roots a path can start from, resolved only when a path asks for them. */
export interface PathScope {
  readonly data: unknown;
  context(): unknown;
  variable(name: string): unknown;
}

/**
 * A compiled JSONPath. A definite path (only names and indexes) yields one value or `MISSING`;
 * an indefinite one (wildcards, slices, filters, unions, `..`) always yields an array of the
 * values it matched, possibly empty, as Jayway JsonPath (which AWS runs) does.
 */
export class JsonPath {
  readonly text: string;
  readonly root: PathRoot;
  readonly definite: boolean;
  readonly segments: readonly PathSegment[];

  constructor(text: string, parsed: ParsedPath = parseJsonPath(text)) {
    this.text = text;
    this.root = parsed.root;
    this.segments = parsed.segments;
    this.definite = parsed.segments.every((s) => s.type === "name" || s.type === "index");
  }

  evaluate(scope: PathScope): unknown {
    const root = this.#rootValue(scope);
    if (root === MISSING) return MISSING;
    if (this.definite) {
      let node = root;
      for (const segment of this.segments) {
        node = child(node, segment);
        if (node === MISSING) return MISSING;
      }
      return node;
    }
    let nodes = [root];
    for (const segment of this.segments)
      nodes = nodes.flatMap((node) => select(node, segment, root));
    return nodes;
  }

  /** Jayway's explanation of why this path matched nothing in `scope`. */
  describeMissing(scope: PathScope): string {
    const root = this.#rootValue(scope);
    if (root === MISSING && this.root.kind === "variable") {
      return `Variable '${this.root.name}' is not defined`;
    }
    let node = root;
    for (const [i, segment] of this.segments.entries()) {
      node = child(node, segment);
      if (node !== MISSING) continue;
      const prefix = normalizedPath(this.root, this.segments.slice(0, i + 1));
      return i === this.segments.length - 1
        ? `No results for path: ${prefix}`
        : `Missing property in path ${prefix}`;
    }
    return `No results for path: ${normalizedPath(this.root, this.segments)}`;
  }

  #rootValue(scope: PathScope): unknown {
    if (this.root.kind === "data") return scope.data;
    if (this.root.kind === "context") return scope.context();
    return scope.variable(this.root.name);
  }
}

function child(node: unknown, segment: PathSegment): unknown {
  if (segment.type === "name") {
    return isJsonObject(node) && Object.hasOwn(node, segment.name) ? node[segment.name] : MISSING;
  }
  if (segment.type === "index" && Array.isArray(node)) {
    const index = segment.index < 0 ? node.length + segment.index : segment.index;
    return index >= 0 && index < node.length ? node[index] : MISSING;
  }
  return MISSING;
}

function select(node: unknown, segment: PathSegment, root: unknown): unknown[] {
  switch (segment.type) {
    case "name":
    case "index": {
      const value = child(node, segment);
      return value === MISSING ? [] : [value];
    }
    case "wildcard":
      return Array.isArray(node) ? node : isJsonObject(node) ? Object.values(node) : [];
    case "slice":
      return Array.isArray(node) ? slice(node, segment.start, segment.end, segment.step) : [];
    case "union":
      return segment.keys.flatMap((key) =>
        select(
          node,
          typeof key === "number" ? { type: "index", index: key } : { type: "name", name: key },
          root,
        ),
      );
    case "filter":
      return Array.isArray(node) ? node.filter((item) => segment.test(item, root)) : [];
    case "descendants":
      return descendantsAndSelf(node).flatMap((item) => select(item, segment.then, root));
  }
}

function slice(
  array: readonly unknown[],
  start: number | undefined,
  end: number | undefined,
  step: number,
): unknown[] {
  const length = array.length;
  const clamp = (value: number) =>
    Math.min(Math.max(value < 0 ? length + value : value, 0), length);
  const result: unknown[] = [];
  if (step > 0) {
    for (let i = clamp(start ?? 0); i < clamp(end ?? length); i += step) result.push(array[i]);
  } else {
    const from = start === undefined ? length - 1 : Math.min(clamp(start), length - 1);
    const to = end === undefined ? -1 : clamp(end);
    for (let i = from; i > to; i += step) result.push(array[i]);
  }
  return result;
}

function descendantsAndSelf(node: unknown): unknown[] {
  const all: unknown[] = [node];
  const children = Array.isArray(node) ? node : isJsonObject(node) ? Object.values(node) : [];
  for (const item of children) all.push(...descendantsAndSelf(item));
  return all;
}

/** A path as Jayway prints it in its messages: `$['a'][0]`. */
function normalizedPath(root: PathRoot, segments: readonly PathSegment[]): string {
  const start = root.kind === "data" ? "$" : root.kind === "context" ? "$$" : `$${root.name}`;
  return start + segments.map(normalizedSegment).join("");
}

function normalizedSegment(segment: PathSegment): string {
  switch (segment.type) {
    case "name":
      return `['${segment.name}']`;
    case "index":
      return `[${segment.index}]`;
    case "wildcard":
      return "[*]";
    case "slice":
      return `[${segment.start ?? ""}:${segment.end ?? ""}]`;
    case "union":
      return `[${segment.keys.map((key) => (typeof key === "number" ? key : `'${key}'`)).join(",")}]`;
    case "filter":
      return "[?]";
    case "descendants":
      return `..${normalizedSegment(segment.then)}`;
  }
}
