import { compileEventPattern, type EventPattern } from "./compile-event-pattern.js";
import { validateEvent } from "./event-validation.js";

/**
 * The TestEventPattern API: validates the pattern (InvalidEventPatternError), then the event
 * (InvalidEventError), and tells whether they match.
 */
export function testEventPattern(pattern: EventPattern, event: unknown): boolean {
  const matches = compileEventPattern(pattern);
  return matches(validateEvent(event));
}
