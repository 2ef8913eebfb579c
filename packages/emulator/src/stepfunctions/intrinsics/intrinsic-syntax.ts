import { InvalidStateMachineError } from "@domovoi/runtime";
import { JsonPath } from "../jsonpath/json-path.js";

export type IntrinsicArgument =
  | { readonly kind: "literal"; readonly value: unknown }
  /** A string literal: `raw` keeps its `\{` and `\}` escapes, which States.Format reads. */
  | { readonly kind: "string"; readonly value: string; readonly raw: string }
  | { readonly kind: "path"; readonly path: JsonPath }
  | { readonly kind: "call"; readonly call: IntrinsicCall };

export interface IntrinsicCall {
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
  /** The call as written, for error messages. */
  readonly text: string;
}

const FUNCTION_NAME = /^States\.[A-Za-z0-9]+/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;

export function isIntrinsicCall(text: string): boolean {
  return FUNCTION_NAME.test(text);
}

/**
 * Parses an intrinsic function call: `States.Name(arg, ...)` whose arguments are string literals
 * in single quotes (`\'`, `\\`, `\{`, `\}` escapes), numbers, `true`, `false`, `null`, paths
 * (`$.x`, `$$.x`, `$variable`) and nested calls.
 */
export function parseIntrinsic(text: string): IntrinsicCall {
  const parser = new IntrinsicParser(text);
  const call = parser.call();
  parser.end();
  return call;
}

class IntrinsicParser {
  #pos = 0;

  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  call(): IntrinsicCall {
    const start = this.#pos;
    const name = FUNCTION_NAME.exec(this.text.slice(this.#pos))?.[0];
    if (name === undefined) this.#fail("expected an intrinsic function name");
    this.#pos += name.length;
    this.#skipSpaces();
    this.#expect("(");
    const args: IntrinsicArgument[] = [];
    this.#skipSpaces();
    if (!this.#accept(")")) {
      do args.push(this.#argument());
      while (this.#accept(","));
      this.#expect(")");
    }
    return { name, args, text: this.text.slice(start, this.#pos) };
  }

  end(): void {
    this.#skipSpaces();
    if (this.#pos < this.text.length) this.#fail("unexpected text after the call");
  }

  #argument(): IntrinsicArgument {
    this.#skipSpaces();
    const rest = this.text.slice(this.#pos);
    let argument: IntrinsicArgument;
    if (rest.startsWith("'")) argument = this.#string();
    else if (rest.startsWith("$"))
      argument = { kind: "path", path: new JsonPath(this.#pathText()) };
    else if (FUNCTION_NAME.test(rest)) argument = { kind: "call", call: this.call() };
    else argument = { kind: "literal", value: this.#constant(rest) };
    this.#skipSpaces();
    return argument;
  }

  #string(): IntrinsicArgument {
    let value = "";
    const start = this.#pos + 1;
    for (this.#pos = start; this.#pos < this.text.length; this.#pos++) {
      const char = this.text[this.#pos]!;
      if (char === "'") {
        const raw = this.text.slice(start, this.#pos);
        this.#pos += 1;
        return { kind: "string", value, raw };
      }
      if (char === "\\" && this.#pos + 1 < this.text.length) {
        const escaped = this.text[this.#pos + 1]!;
        value += "'{}\\".includes(escaped) ? escaped : `\\${escaped}`;
        this.#pos += 1;
      } else {
        value += char;
      }
    }
    return this.#fail("unterminated string literal");
  }

  /** A path runs to the next `,` or `)` outside brackets, parentheses and quotes. */
  #pathText(): string {
    const start = this.#pos;
    let depth = 0;
    let quote: string | undefined;
    for (; this.#pos < this.text.length; this.#pos++) {
      const char = this.text[this.#pos]!;
      if (quote) {
        if (char === "\\") this.#pos++;
        else if (char === quote) quote = undefined;
      } else if (char === "'" || char === '"') quote = char;
      else if (char === "[" || char === "(") depth++;
      else if (char === "]" || char === ")") {
        if (depth === 0) break;
        depth--;
      } else if (char === "," && depth === 0) break;
    }
    return this.text.slice(start, this.#pos).trimEnd();
  }

  #constant(rest: string): unknown {
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (rest.startsWith(word)) {
        this.#pos += word.length;
        return value;
      }
    }
    const number = NUMBER.exec(rest)?.[0];
    if (number === undefined) return this.#fail("expected an argument");
    this.#pos += number.length;
    return Number(number);
  }

  #skipSpaces(): void {
    while (this.text[this.#pos] === " ") this.#pos++;
  }

  #accept(char: string): boolean {
    this.#skipSpaces();
    if (this.text[this.#pos] !== char) return false;
    this.#pos += 1;
    return true;
  }

  #expect(char: string): void {
    if (!this.#accept(char)) this.#fail(`expected '${char}'`);
  }

  #fail(reason: string): never {
    throw new InvalidStateMachineError(
      `Invalid intrinsic function '${this.text}': ${reason} at position ${this.#pos}.`,
    );
  }
}
