/**
 * Python's `json.dumps` (default separators `", "` and `": "`, ASCII-only escapes) of JSON text,
 * keeping each number as Python would print it after `json.loads`: integers as written, floats in
 * their repr (`0.0` stays `0.0`). The Python test functions' responses are sized by this text.
 */
export function pythonJsonDumps(text: string): string {
  const reader = new JsonTextReader(text);
  const result = reader.value();
  reader.end();
  return result;
}

/** Python's `json.dumps` of a JavaScript value (numbers print as JavaScript has them). */
export function pythonJsonDumpsValue(value: unknown): string {
  return pythonJsonDumps(JSON.stringify(value) ?? "null");
}

class JsonTextReader {
  #pos = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  value(): string {
    this.#skipSpaces();
    const char = this.#text[this.#pos];
    if (char === "{") return this.#object();
    if (char === "[") return this.#array();
    if (char === '"') return pythonString(this.#string());
    const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.#text.slice(this.#pos),
    )?.[0];
    if (literal === undefined) throw new SyntaxError(`Invalid JSON at ${this.#pos}`);
    this.#pos += literal.length;
    return /^-?\d/.test(literal) ? pythonNumber(literal) : literal;
  }

  end(): void {
    this.#skipSpaces();
    if (this.#pos !== this.#text.length) throw new SyntaxError(`Invalid JSON at ${this.#pos}`);
  }

  #object(): string {
    this.#pos += 1;
    const members: string[] = [];
    this.#skipSpaces();
    if (this.#text[this.#pos] === "}") {
      this.#pos += 1;
      return "{}";
    }
    for (;;) {
      this.#skipSpaces();
      const key = pythonString(this.#string());
      this.#skipSpaces();
      this.#expect(":");
      members.push(`${key}: ${this.value()}`);
      this.#skipSpaces();
      if (this.#text[this.#pos] === "}") break;
      this.#expect(",");
    }
    this.#pos += 1;
    return `{${members.join(", ")}}`;
  }

  #array(): string {
    this.#pos += 1;
    const items: string[] = [];
    this.#skipSpaces();
    if (this.#text[this.#pos] === "]") {
      this.#pos += 1;
      return "[]";
    }
    for (;;) {
      items.push(this.value());
      this.#skipSpaces();
      if (this.#text[this.#pos] === "]") break;
      this.#expect(",");
    }
    this.#pos += 1;
    return `[${items.join(", ")}]`;
  }

  #string(): string {
    const match = /^"(?:[^"\\]|\\.)*"/.exec(this.#text.slice(this.#pos));
    if (!match) throw new SyntaxError(`Invalid JSON string at ${this.#pos}`);
    this.#pos += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  #expect(char: string): void {
    if (this.#text[this.#pos] !== char) throw new SyntaxError(`Expected '${char}' at ${this.#pos}`);
    this.#pos += 1;
  }

  #skipSpaces(): void {
    while (/\s/.test(this.#text[this.#pos] ?? "")) this.#pos += 1;
  }
}

function pythonNumber(literal: string): string {
  if (!/[.eE]/.test(literal)) return String(BigInt(literal));
  const value = Number(literal);
  return Number.isInteger(value) && Math.abs(value) < 1e16 ? `${value}.0` : String(value);
}

function pythonString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
