import { InvalidLogsFilterPatternError } from "../errors.js";
import type { FilterPatternAst } from "./ast.js";
import { parseRegexLiteral } from "./parse-comparison.js";
import { parseJsonPattern } from "./parse-json.js";
import { parseSpaceDelimitedPattern } from "./parse-space-delimited.js";
import { parseTerms } from "./parse-terms.js";
import type { RegexAst } from "./regex/regex-ast.js";
import { PatternScanner } from "./scanner.js";

// The API limit of PutMetricFilter, PutSubscriptionFilter and FilterLogEvents (filterPattern).
const MAX_PATTERN_LENGTH = 1024;

/** Parses and validates a filter pattern; its first character decides which syntax it uses. */
export function parseFilterPattern(pattern: string): FilterPatternAst {
  if (typeof pattern !== "string") {
    throw new InvalidLogsFilterPatternError(
      `A filter pattern must be a string, not ${typeof pattern}.`,
    );
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new InvalidLogsFilterPatternError(
      `A filter pattern can be at most ${MAX_PATTERN_LENGTH} characters long; this one has ${pattern.length}.`,
    );
  }
  const scanner = new PatternScanner(pattern);
  scanner.skipWhitespace();
  switch (scanner.peek()) {
    case "{":
      requireClosing(pattern, "{", "}");
      return { kind: "json", expression: parseJsonPattern(scanner) };
    case "[":
      requireClosing(pattern, "[", "]");
      return { kind: "space-delimited", fields: parseSpaceDelimitedPattern(scanner) };
    case "%":
      return { kind: "regex", regex: parseStandaloneRegex(scanner) };
    default:
      return { kind: "terms", terms: parseTerms(scanner) };
  }
}

function requireClosing(pattern: string, open: string, close: string): void {
  if (!pattern.trimEnd().endsWith(close)) {
    // AWS's own wording for the JSON case.
    throw new InvalidLogsFilterPatternError(
      `If a filter pattern starts with '${open}' it must end with '${close}'`,
    );
  }
}

// The documentation offers `%…%` as a "standalone filter pattern": nothing may surround it.
function parseStandaloneRegex(scanner: PatternScanner): RegexAst {
  const regex = parseRegexLiteral(scanner);
  scanner.skipWhitespace();
  if (!scanner.atEnd) scanner.fail("the end of the pattern after a regular expression");
  return regex;
}
