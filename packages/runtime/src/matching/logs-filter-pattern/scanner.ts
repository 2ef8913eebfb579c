import { InvalidLogsFilterPatternError } from "../errors.js";

const WHITESPACE = " \t\n\r";

export function isWhitespace(char: string): boolean {
  return char !== "" && WHITESPACE.includes(char);
}

/**
 * A cursor over a filter pattern (or a slice of it, for embedded regular expressions) that every
 * parser of this folder shares, so that all errors name the offending position the same way.
 * `peek()` returns "" past the end, which no character test accepts.
 */
export class PatternScanner {
  position: number;

  constructor(
    readonly pattern: string,
    start = 0,
    readonly end = pattern.length,
  ) {
    this.position = start;
  }

  get atEnd(): boolean {
    return this.position >= this.end;
  }

  peek(offset = 0): string {
    const index = this.position + offset;
    return index < this.end ? this.pattern[index]! : "";
  }

  startsWith(text: string): boolean {
    return this.position + text.length <= this.end && this.pattern.startsWith(text, this.position);
  }

  consume(text: string): boolean {
    if (!this.startsWith(text)) return false;
    this.position += text.length;
    return true;
  }

  expect(text: string, expected = `"${text}"`): void {
    if (!this.consume(text)) this.fail(expected);
  }

  skipWhitespace(): void {
    while (isWhitespace(this.peek())) this.position++;
  }

  readWhile(accept: (char: string) => boolean): string {
    const start = this.position;
    while (!this.atEnd && accept(this.peek())) this.position++;
    return this.pattern.slice(start, this.position);
  }

  /** Reads a `"…"` string; `\"` and `\\` are the only escapes, as CloudWatch documents them. */
  readQuoted(): string {
    const start = this.position;
    this.expect('"');
    let text = "";
    while (!this.atEnd) {
      const char = this.peek();
      this.position++;
      if (char === '"') return text;
      const escaped = this.peek();
      if (char === "\\" && (escaped === '"' || escaped === "\\")) {
        text += escaped;
        this.position++;
      } else {
        text += char;
      }
    }
    throw this.error("unterminated quoted string: expected a closing '\"'", start);
  }

  /** Throws "expected …, found …" at the current position. */
  fail(expected: string, at = this.position): never {
    throw this.error(`expected ${expected}, found ${this.describe(at)}`, at);
  }

  error(problem: string, at = this.position): InvalidLogsFilterPatternError {
    return new InvalidLogsFilterPatternError(
      `Invalid filter pattern ${JSON.stringify(this.pattern)} at position ${at + 1}: ${problem}.`,
    );
  }

  private describe(at: number): string {
    return at < this.pattern.length ? JSON.stringify(this.pattern[at]) : "the end of the pattern";
  }
}
