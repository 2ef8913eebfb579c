import { InvalidStateMachineError } from "@domovoi/runtime";
import { type FilterPredicate, parseFilter } from "./filter-expression.js";

/** Where a path starts: the state's data (`$`), the context object (`$$`) or a variable. */
export type PathRoot =
  | { readonly kind: "data" }
  | { readonly kind: "context" }
  | { readonly kind: "variable"; readonly name: string };

export type PathSegment =
  | { readonly type: "name"; readonly name: string }
  | { readonly type: "index"; readonly index: number }
  | { readonly type: "wildcard" }
  | {
      readonly type: "slice";
      readonly start?: number;
      readonly end?: number;
      readonly step: number;
    }
  | { readonly type: "union"; readonly keys: readonly (string | number)[] }
  | { readonly type: "filter"; readonly test: FilterPredicate }
  | { readonly type: "descendants"; readonly then: PathSegment };

export interface ParsedPath {
  readonly root: PathRoot;
  readonly segments: readonly PathSegment[];
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Parses the JSONPath subset Amazon States Language allows: `$`, `$$` and `$variable` roots,
 * dot and bracket children, indexes (negative from the end), `*`, slices, unions, `..` and
 * `?()` filters, with Jayway's lenient dot names (`$.delivery-partner`).
 */
export function parseJsonPath(text: string): ParsedPath {
  const parser = new PathParser(text);
  return parser.parse();
}

class PathParser {
  #pos = 0;

  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  parse(): ParsedPath {
    const root = this.#root();
    const segments: PathSegment[] = [];
    while (this.#pos < this.text.length) segments.push(this.#segment());
    return { root, segments };
  }

  #root(): PathRoot {
    const { text } = this;
    if (text.startsWith("$$")) {
      this.#pos = 2;
      return { kind: "context" };
    }
    if (!text.startsWith("$")) this.#fail("a path must start with '$'");
    const name = VARIABLE_NAME.exec(text.slice(1))?.[0];
    this.#pos = 1 + (name?.length ?? 0);
    return name === undefined ? { kind: "data" } : { kind: "variable", name };
  }

  #segment(): PathSegment {
    const { text } = this;
    if (text.startsWith("..", this.#pos)) {
      this.#pos += 2;
      const then = text[this.#pos] === "[" ? this.#bracket() : this.#dotName();
      return { type: "descendants", then };
    }
    if (text[this.#pos] === ".") {
      this.#pos += 1;
      return this.#dotName();
    }
    if (text[this.#pos] === "[") return this.#bracket();
    return this.#fail(`unexpected '${text[this.#pos]}'`);
  }

  #dotName(): PathSegment {
    const start = this.#pos;
    while (this.#pos < this.text.length && !".[".includes(this.text[this.#pos]!)) this.#pos++;
    const name = this.text.slice(start, this.#pos);
    if (name === "") this.#fail("a name must follow '.'");
    return name === "*" ? { type: "wildcard" } : { type: "name", name };
  }

  #bracket(): PathSegment {
    this.#pos += 1;
    const segment = this.#bracketContent();
    this.#skipSpaces();
    this.#expect("]");
    return segment;
  }

  #bracketContent(): PathSegment {
    this.#skipSpaces();
    const char = this.text[this.#pos];
    if (char === "*") {
      this.#pos += 1;
      return { type: "wildcard" };
    }
    if (char === "?") return this.#filter();
    if (char === "'" || char === '"') return this.#names();
    return this.#numbers();
  }

  #names(): PathSegment {
    const keys: string[] = [];
    do {
      this.#skipSpaces();
      keys.push(this.#quoted());
      this.#skipSpaces();
    } while (this.#accept(","));
    return keys.length === 1 ? { type: "name", name: keys[0]! } : { type: "union", keys };
  }

  #quoted(): string {
    const quote = this.text[this.#pos];
    if (quote !== "'" && quote !== '"') this.#fail("expected a quoted name");
    let value = "";
    for (this.#pos += 1; this.#pos < this.text.length; this.#pos++) {
      const char = this.text[this.#pos]!;
      if (char === quote) {
        this.#pos += 1;
        return value;
      }
      // Jayway unescapes only the quote and the backslash; any other escape stays as written.
      if (char === "\\" && [quote, "\\"].includes(this.text[this.#pos + 1] ?? "")) {
        this.#pos += 1;
        value += this.text[this.#pos];
      } else {
        value += char;
      }
    }
    return this.#fail("unterminated quoted name");
  }

  #numbers(): PathSegment {
    const content = this.text.slice(this.#pos, this.text.indexOf("]", this.#pos));
    if (content.includes(":")) {
      this.#pos += content.length;
      return parseSlice(content.trim(), (reason) => this.#fail(reason));
    }
    const keys = content.split(",").map((part) => {
      const index = Number(part.trim());
      if (part.trim() === "" || !Number.isInteger(index)) this.#fail(`invalid index '${part}'`);
      return index;
    });
    this.#pos += content.length;
    return keys.length === 1 ? { type: "index", index: keys[0]! } : { type: "union", keys };
  }

  #filter(): PathSegment {
    const close = matchingParenthesis(this.text, this.#pos + 1);
    if (this.text[this.#pos + 1] !== "(" || close === -1) this.#fail("malformed filter");
    const source = this.text.slice(this.#pos + 2, close);
    this.#pos = close + 1;
    return { type: "filter", test: parseFilter(source, (reason) => this.#fail(reason)) };
  }

  #skipSpaces(): void {
    while (this.text[this.#pos] === " ") this.#pos++;
  }

  #accept(char: string): boolean {
    if (this.text[this.#pos] !== char) return false;
    this.#pos += 1;
    return true;
  }

  #expect(char: string): void {
    if (!this.#accept(char)) this.#fail(`expected '${char}'`);
  }

  #fail(reason: string): never {
    throw new InvalidStateMachineError(
      `Invalid JSONPath '${this.text}': ${reason} at position ${this.#pos}.`,
    );
  }
}

function parseSlice(content: string, fail: (reason: string) => never): PathSegment {
  const parts = content.split(":").map((part) => part.trim());
  if (parts.length > 3) fail(`invalid slice '${content}'`);
  const number = (part: string | undefined): number | undefined => {
    if (part === undefined || part === "") return undefined;
    const value = Number(part);
    if (!Number.isInteger(value)) fail(`invalid slice bound '${part}'`);
    return value;
  };
  const step = number(parts[2]) ?? 1;
  if (step === 0) fail("a slice step cannot be 0");
  return { type: "slice", start: number(parts[0]), end: number(parts[1]), step };
}

function matchingParenthesis(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return i;
  }
  return -1;
}
