// CloudWatch Logs filter patterns, written in-house: no npm library implements this language
// faithfully. A pattern is parsed once into an AST (parse-*.ts) and compiled into a closure
// (compile-*.ts); matching an event never re-reads the pattern.
import type { FilterPatternAst } from "./ast.js";
import { compileJsonPattern } from "./compile-json.js";
import { compileSpaceDelimitedPattern } from "./compile-space-delimited.js";
import { compileTerms } from "./compile-terms.js";
import { type LogsFilterMatcher, MATCHED } from "./match.js";
import { parseFilterPattern } from "./parse-pattern.js";
import { compileRegex } from "./regex/compile-regex.js";

/**
 * Compiles a CloudWatch Logs filter pattern (metric filters, subscription filters,
 * FilterLogEvents) into a matcher of log event messages.
 *
 * @throws InvalidLogsFilterPatternError for a pattern CloudWatch Logs would reject.
 */
export function compileLogsFilterPattern(pattern: string): LogsFilterMatcher {
  const matcher = compileAst(parseFilterPattern(pattern));
  return (message) => (typeof message === "string" ? matcher(message) : null);
}

/** @throws InvalidLogsFilterPatternError for a pattern CloudWatch Logs would reject. */
export function validateLogsFilterPattern(pattern: string): void {
  parseFilterPattern(pattern);
}

function compileAst(ast: FilterPatternAst): LogsFilterMatcher {
  switch (ast.kind) {
    case "terms":
      return compileTerms(ast.terms);
    case "regex": {
      const matches = compileRegex(ast.regex);
      return (message) => (matches(message) ? MATCHED : null);
    }
    case "json":
      return compileJsonPattern(ast.expression);
    case "space-delimited":
      return compileSpaceDelimitedPattern(ast.fields);
  }
}
