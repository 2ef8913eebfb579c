import { isJsonObject, jsonEquals } from "../json.js";

/** A compiled `?(...)` filter: does this array element (`@`) pass, given the path's root (`$`)? */
export type FilterPredicate = (node: unknown, root: unknown) => boolean;

type Operand = (node: unknown, root: unknown) => unknown;

const ABSENT = Symbol("absent");
const OPERATORS = ["==", "!=", "<=", ">=", "<", ">"] as const;
type Operator = (typeof OPERATORS)[number];
const LITERAL = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/;
const PATH_TAIL = /^(?:\.[A-Za-z0-9_$-]+|\[\s*(?:-?\d+|'[^']*'|"[^"]*")\s*\])*/;

/**
 * Compiles the body of a Jayway filter: comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`) between
 * `@`/`$` paths and JSON literals, existence tests (`@.key`), `!`, `&&`, `||` and parentheses.
 * Values of different types are never equal and never ordered, as in Jayway.
 */
export function parseFilter(source: string, fail: (reason: string) => never): FilterPredicate {
  const parser = new FilterParser(source, fail);
  return parser.parse();
}

class FilterParser {
  #pos = 0;

  readonly source: string;
  readonly fail: (reason: string) => never;

  constructor(source: string, fail: (reason: string) => never) {
    this.source = source;
    this.fail = fail;
  }

  parse(): FilterPredicate {
    const predicate = this.#or();
    this.#skipSpaces();
    if (this.#pos < this.source.length) this.fail(`unexpected filter text '${this.#rest()}'`);
    return predicate;
  }

  #or(): FilterPredicate {
    let left = this.#and();
    while (this.#accept("||")) {
      const first = left;
      const second = this.#and();
      left = (node, root) => first(node, root) || second(node, root);
    }
    return left;
  }

  #and(): FilterPredicate {
    let left = this.#unary();
    while (this.#accept("&&")) {
      const first = left;
      const second = this.#unary();
      left = (node, root) => first(node, root) && second(node, root);
    }
    return left;
  }

  #unary(): FilterPredicate {
    if (this.#accept("!")) {
      const inner = this.#unary();
      return (node, root) => !inner(node, root);
    }
    if (this.#accept("(")) {
      const inner = this.#or();
      if (!this.#accept(")")) this.fail("expected ')' in filter");
      return inner;
    }
    return this.#comparison();
  }

  #comparison(): FilterPredicate {
    const left = this.#operand();
    this.#skipSpaces();
    const operator = OPERATORS.find((candidate) => this.source.startsWith(candidate, this.#pos));
    if (!operator) return (node, root) => left(node, root) !== ABSENT;
    this.#pos += operator.length;
    const right = this.#operand();
    return (node, root) => compare(left(node, root), operator, right(node, root));
  }

  #operand(): Operand {
    this.#skipSpaces();
    const rest = this.#rest();
    if (rest.startsWith("@") || rest.startsWith("$")) {
      const tail = PATH_TAIL.exec(rest.slice(1))?.[0] ?? "";
      this.#pos += 1 + tail.length;
      const keys = pathKeys(tail);
      return rest.startsWith("@") ? (node) => walk(node, keys) : (_node, root) => walk(root, keys);
    }
    if (rest.startsWith("'") || rest.startsWith('"')) {
      const end = rest.indexOf(rest[0]!, 1);
      if (end === -1) this.fail("unterminated string in filter");
      this.#pos += end + 1;
      const value = rest.slice(1, end);
      return () => value;
    }
    const literal = LITERAL.exec(rest)?.[0];
    if (literal === undefined) this.fail(`unexpected filter text '${rest}'`);
    this.#pos += literal.length;
    const value: unknown = JSON.parse(literal);
    return () => value;
  }

  #accept(token: string): boolean {
    this.#skipSpaces();
    if (!this.source.startsWith(token, this.#pos)) return false;
    this.#pos += token.length;
    return true;
  }

  #skipSpaces(): void {
    while (this.source[this.#pos] === " ") this.#pos++;
  }

  #rest(): string {
    return this.source.slice(this.#pos);
  }
}

function pathKeys(tail: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of tail.matchAll(/\.([^.[]+)|\[\s*(-?\d+|'[^']*'|"[^"]*")\s*\]/g)) {
    const [, name, bracket] = match;
    if (name !== undefined) keys.push(name);
    else if (bracket !== undefined)
      keys.push(/^-?\d+$/.test(bracket) ? Number(bracket) : bracket.slice(1, -1));
  }
  return keys;
}

function walk(value: unknown, keys: readonly (string | number)[]): unknown {
  let node = value;
  for (const key of keys) {
    if (typeof key === "number" && Array.isArray(node)) {
      const index = key < 0 ? node.length + key : key;
      if (index < 0 || index >= node.length) return ABSENT;
      node = node[index];
    } else if (typeof key === "string" && isJsonObject(node) && Object.hasOwn(node, key)) {
      node = node[key];
    } else {
      return ABSENT;
    }
  }
  return node;
}

function compare(left: unknown, operator: Operator, right: unknown): boolean {
  if (left === ABSENT || right === ABSENT) return operator === "!=";
  if (operator === "==") return jsonEquals(left, right);
  if (operator === "!=") return !jsonEquals(left, right);
  const comparable =
    (typeof left === "number" && typeof right === "number") ||
    (typeof left === "string" && typeof right === "string");
  if (!comparable) return false;
  const a = left as number | string;
  const b = right as number | string;
  if (operator === "<") return a < b;
  if (operator === "<=") return a <= b;
  if (operator === ">") return a > b;
  return a >= b;
}
