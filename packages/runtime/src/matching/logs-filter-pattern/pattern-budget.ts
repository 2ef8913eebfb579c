import type { PatternScanner } from "./scanner.js";

// Quotas of the CloudWatch Logs User Guide ("Filter pattern syntax"): "a limit of 2 regex for each
// filter pattern when creating a delimited or JSON filter pattern", and "up to three wildcard
// selectors in a filter pattern with compound expressions".
const MAX_REGEXES = 2;
const MAX_WILDCARD_SELECTORS = 3;

/** Counts the quota-limited constructs of one JSON or space-delimited pattern as it is parsed. */
export class PatternBudget {
  private regexes = 0;
  private wildcardSelectors = 0;

  constructor(private readonly scanner: PatternScanner) {}

  useRegex(at: number): void {
    if (++this.regexes > MAX_REGEXES) {
      throw this.scanner.error(
        `a filter pattern can contain at most ${MAX_REGEXES} regular expressions`,
        at,
      );
    }
  }

  useWildcardSelector(at: number): void {
    if (++this.wildcardSelectors > MAX_WILDCARD_SELECTORS) {
      throw this.scanner.error(
        `a filter pattern can contain at most ${MAX_WILDCARD_SELECTORS} wildcard selectors`,
        at,
      );
    }
  }
}
