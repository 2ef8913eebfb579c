import { invalidPattern } from "./invalid-pattern.js";

const EXPECTED_VALUE = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const TOKEN_CHAR = /[\p{L}\p{N}_$]/u;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/**
 * Parses the text of an event pattern. AWS parses patterns with Jackson and reports its parse
 * errors verbatim, so syntax errors carry Jackson's wording. Like the AWS rule compiler, only the
 * root object is read: a root that is not an object is "Filter is not an object" as soon as its
 * first token is recognised, and text after the root object is ignored.
 */
export function parsePatternJson(text: string): unknown {
  return new PatternJsonReader(text).readRoot();
}

class PatternJsonReader {
  private position = 0;

  constructor(private readonly text: string) {}

  readRoot(): unknown {
    this.skipWhitespace();
    if (this.peek() !== "{") {
      if (this.position < this.text.length) this.checkValueStart();
      throw invalidPattern("Filter is not an object");
    }
    return this.readValue();
  }

  private readValue(): unknown {
    this.skipWhitespace();
    const char = this.peek();
    if (char === "{") return this.readObject();
    if (char === "[") return this.readArray();
    if (char === '"') return this.readString();
    if (char === "-" || (char >= "0" && char <= "9")) return this.readNumber();
    this.checkValueStart();
    const literal = this.readToken();
    return literal === "true" ? true : literal === "false" ? false : null;
  }

  /** Fails unless the next characters can begin a JSON value. */
  private checkValueStart(): void {
    const char = this.peek();
    if (char === "" || '{["-'.includes(char) || (char >= "0" && char <= "9")) return;
    if (!TOKEN_CHAR.test(char)) {
      throw this.unexpected(`expected a valid value ${EXPECTED_VALUE}`);
    }
    const start = this.position;
    const token = this.readToken();
    if (token !== "true" && token !== "false" && token !== "null") {
      throw invalidPattern(`Unrecognized token '${token}': was expecting ${EXPECTED_VALUE}`);
    }
    this.position = start;
  }

  private readToken(): string {
    const start = this.position;
    while (this.position < this.text.length && TOKEN_CHAR.test(this.peek())) this.position++;
    return this.text.slice(start, this.position);
  }

  private readObject(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.position++;
    this.skipWhitespace();
    if (this.consume("}")) return result;
    for (;;) {
      this.skipWhitespace();
      if (this.peek() !== '"')
        throw this.unexpected("was expecting double-quote to start field name");
      const key = this.readString();
      this.skipWhitespace();
      if (!this.consume(":")) {
        throw this.unexpected("was expecting a colon to separate field name and value");
      }
      // Duplicate keys keep the last value, as AWS does; defineProperty keeps "__proto__" a key.
      Object.defineProperty(result, key, {
        value: this.readValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWhitespace();
      if (this.consume("}")) return result;
      if (!this.consume(","))
        throw this.unexpected("was expecting comma to separate Object entries");
    }
  }

  private readArray(): unknown[] {
    const result: unknown[] = [];
    this.position++;
    this.skipWhitespace();
    if (this.consume("]")) return result;
    for (;;) {
      result.push(this.readValue());
      this.skipWhitespace();
      if (this.consume("]")) return result;
      if (!this.consume(","))
        throw this.unexpected("was expecting comma to separate Array entries");
    }
  }

  private readString(): string {
    let result = "";
    this.position++;
    for (;;) {
      const char = this.peek();
      if (char === "") throw this.endOfInput("String value");
      this.position++;
      if (char === '"') return result;
      if (char === "\\") {
        result += this.readEscape();
      } else if (char < " ") {
        throw invalidPattern(
          `Illegal unquoted character (${describe(char)}): has to be escaped using backslash to be included in string value`,
        );
      } else {
        result += char;
      }
    }
  }

  private readEscape(): string {
    const char = this.peek();
    if (char === "") throw this.endOfInput("String value");
    this.position++;
    if (char === "u") {
      const hex = this.text.slice(this.position, this.position + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        throw invalidPattern(
          "Unexpected character: expected a hex-digit for character escape sequence",
        );
      }
      this.position += 4;
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    const escaped = ESCAPES[char];
    if (escaped === undefined) {
      throw invalidPattern(`Unrecognized character escape ${describe(char)}`);
    }
    return escaped;
  }

  private readNumber(): number {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (match === null)
      throw this.unexpected("expected digit (0-9) to follow minus sign, for valid numeric value");
    this.position += match[0].length;
    return Number(match[0]);
  }

  private skipWhitespace(): void {
    while (" \t\n\r".includes(this.peek()) && this.position < this.text.length) this.position++;
  }

  private consume(char: string): boolean {
    if (this.peek() !== char) return false;
    this.position++;
    return true;
  }

  private peek(): string {
    return this.text.charAt(this.position);
  }

  private unexpected(expectation: string) {
    if (this.position >= this.text.length) return this.endOfInput("value");
    return invalidPattern(`Unexpected character (${describe(this.peek())}): ${expectation}`);
  }

  private endOfInput(what: string) {
    return invalidPattern(`Unexpected end-of-input in ${what}`);
  }
}

/** Jackson's description of a character in its error messages. */
function describe(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 32 || (code >= 127 && code < 160)) return `(CTRL-CHAR, code ${code})`;
  return `'${char}' (code ${code})`;
}
