/** What a matching log event yields. */
export interface LogsFilterMatch {
  /**
   * For space-delimited patterns, each field of the event under the key CloudWatch uses: `$name`
   * for a named field, `$position` (1-based) for fields covered by `...` or left unnamed.
   */
  readonly extractedFields?: Readonly<Record<string, string>>;
}

/** Tests one log event message; `null` when the pattern does not match it. */
export type LogsFilterMatcher = (message: string) => LogsFilterMatch | null;

/** The shared result of patterns that extract nothing, so that a match allocates nothing. */
export const MATCHED: LogsFilterMatch = Object.freeze({});
