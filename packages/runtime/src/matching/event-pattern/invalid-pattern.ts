import { InvalidEventPatternError } from "../errors.js";

/** AWS prefixes every rejection of a pattern this way; `reason` is the rule compiler's message. */
export function invalidPattern(reason: string): InvalidEventPatternError {
  return new InvalidEventPatternError(`Event pattern is not valid. Reason: ${reason}`);
}

/** Throws {@link invalidPattern}: how the shared Event Ruler grammar (../shared) rejects. */
export function rejectPattern(reason: string): never {
  throw invalidPattern(reason);
}
