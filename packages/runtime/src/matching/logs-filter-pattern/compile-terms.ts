import type { Term } from "./ast.js";
import { type LogsFilterMatcher, MATCHED } from "./match.js";

/** Terms are case-sensitive substrings: `ERROR` matches `ERRORCODE`. */
export function compileTerms(terms: readonly Term[]): LogsFilterMatcher {
  // A blank phrase is the documented "match everything" pattern `" "`, so it constrains nothing.
  const texts = (mode: Term["mode"]) =>
    terms.filter((term) => term.mode === mode && term.text.trim() !== "").map((term) => term.text);
  const required = texts("required");
  const excluded = texts("excluded");
  const optional = texts("optional");
  // "If you combine "?" with other filter patterns, all question mark terms will be ignored."
  if (required.length > 0 || excluded.length > 0) {
    return (message) =>
      required.every((text) => message.includes(text)) &&
      !excluded.some((text) => message.includes(text))
        ? MATCHED
        : null;
  }
  if (optional.length > 0) {
    return (message) => (optional.some((text) => message.includes(text)) ? MATCHED : null);
  }
  return () => MATCHED;
}
