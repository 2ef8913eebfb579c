import type { Term } from "./ast.js";
import { isWhitespace, type PatternScanner } from "./scanner.js";

const MODES = { "?": "optional", "-": "excluded" } as const;

/**
 * Parses a term pattern: words and `"quoted phrases"`, each optionally prefixed by `?` (any of
 * these) or `-` (none of these). Whitespace may follow the prefix, as in the documented
 * `"ERROR" - "Exiting"`.
 */
export function parseTerms(scanner: PatternScanner): Term[] {
  const terms: Term[] = [];
  for (scanner.skipWhitespace(); !scanner.atEnd; scanner.skipWhitespace()) {
    const prefix = scanner.peek();
    const mode = prefix === "?" || prefix === "-" ? MODES[prefix] : "required";
    if (mode !== "required") {
      scanner.position++;
      scanner.skipWhitespace();
      if (scanner.atEnd) scanner.fail(`a term after "${prefix}"`);
    }
    terms.push({ mode, text: readTerm(scanner) });
  }
  return terms;
}

function readTerm(scanner: PatternScanner): string {
  const quoted = scanner.peek() === '"';
  const text = quoted
    ? scanner.readQuoted()
    : scanner.readWhile((char) => !isWhitespace(char) && char !== '"');
  if (!scanner.atEnd && !isWhitespace(scanner.peek())) {
    throw scanner.error(
      quoted
        ? "expected whitespace after the closing quote of a term"
        : "a quote can only start a term: put the whole term in double quotes",
    );
  }
  return text;
}
