import { compileBranch } from "./branch-matcher.js";
import { EVENTBRIDGE_DIALECT, type PatternDialect } from "./dialect.js";
import { parseEvent } from "./event-validation.js";
import { type Branch, flattenPattern } from "./flatten-pattern.js";
import { parsePatternJson } from "./pattern-json.js";

/** Whether an event matches a compiled pattern. A string is read as the event's JSON text. */
export type EventPatternMatcher = (event: unknown) => boolean;

/** A pattern as given to PutRule: its JSON text, or the parsed object. */
export type EventPattern = string | object;

/**
 * Compiles an EventBridge event pattern once into a matcher. Throws InvalidEventPatternError
 * with AWS's message when EventBridge would reject the pattern; the matcher throws
 * InvalidEventError only for an event given as text that is not JSON.
 */
export function compileEventPattern(pattern: EventPattern): EventPatternMatcher {
  const matches = compileBranches(readPattern(pattern, EVENTBRIDGE_DIALECT));
  return (event) => matches(typeof event === "string" ? parseEvent(event) : event);
}

/** Throws InvalidEventPatternError, with AWS's message, if EventBridge would reject the pattern. */
export function validateEventPattern(pattern: EventPattern): void {
  readPattern(pattern, EVENTBRIDGE_DIALECT);
}

/** Validates a pattern of the given dialect and flattens it into its `$or` branches. */
export function readPattern(pattern: EventPattern, dialect: PatternDialect): Branch[] {
  return flattenPattern(typeof pattern === "string" ? parsePatternJson(pattern) : pattern, dialect);
}

/** A matcher on parsed values that holds when any branch does. */
export function compileBranches(branches: readonly Branch[]): (root: unknown) => boolean {
  const matchers = branches.map(compileBranch);
  const [only] = matchers;
  if (matchers.length === 1 && only !== undefined) return only;
  return (root) => matchers.some((matches) => matches(root));
}
