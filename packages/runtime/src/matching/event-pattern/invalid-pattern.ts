import { InvalidEventPatternError } from "../errors.js";

/** AWS prefixes every rejection of a pattern this way; `reason` is the rule compiler's message. */
export function invalidPattern(reason: string): InvalidEventPatternError {
  return new InvalidEventPatternError(`Event pattern is not valid. Reason: ${reason}`);
}
