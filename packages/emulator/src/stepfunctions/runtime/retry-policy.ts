import { DefinitionReader } from "../definition/state-definition.js";
import type { StatesError } from "../errors.js";
import { errorEqualsMatches } from "./error-names.js";

interface Retrier {
  readonly errorEquals: readonly string[];
  readonly intervalSeconds: number;
  readonly maxAttempts: number;
  readonly backoffRate: number;
  readonly maxDelaySeconds: number | undefined;
  readonly fullJitter: boolean;
}

/**
 * A state's `Retry` list. The first retrier whose `ErrorEquals` covers an error decides alone:
 * it retries until its own `MaxAttempts` are spent (later retriers are not tried), waiting
 * `IntervalSeconds × BackoffRate^n`, capped at `MaxDelaySeconds`, and with `FULL` jitter a random
 * part of that.
 */
export class RetryPolicy {
  readonly #retriers: readonly Retrier[];

  constructor(retry: readonly unknown[], where: string) {
    this.#retriers = retry.map((definition, i) => {
      const reader = new DefinitionReader(definition, `${where}/Retry[${i}]`);
      return {
        errorEquals: reader.array("ErrorEquals").map(String),
        intervalSeconds: reader.number("IntervalSeconds") ?? 1,
        maxAttempts: reader.number("MaxAttempts") ?? 3,
        backoffRate: reader.number("BackoffRate") ?? 2,
        maxDelaySeconds: reader.number("MaxDelaySeconds"),
        fullJitter: reader.string("JitterStrategy") === "FULL",
      };
    });
  }

  get empty(): boolean {
    return this.#retriers.length === 0;
  }

  /** A fresh count of attempts per retrier, for one visit of the state. */
  newAttempts(): number[] {
    return this.#retriers.map(() => 0);
  }

  /**
   * The delay in milliseconds before retrying after `error`, counting the attempt in `attempts`;
   * undefined when no retrier allows another attempt.
   */
  nextDelay(error: StatesError, attempts: number[], random: () => number): number | undefined {
    const index = this.#retriers.findIndex((retrier) =>
      errorEqualsMatches(retrier.errorEquals, error),
    );
    const retrier = this.#retriers[index];
    if (retrier === undefined || attempts[index]! >= retrier.maxAttempts) return undefined;
    const attempt = attempts[index]!;
    attempts[index] = attempt + 1;
    let seconds = retrier.intervalSeconds * retrier.backoffRate ** attempt;
    if (retrier.maxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.maxDelaySeconds);
    if (retrier.fullJitter) seconds *= random();
    return seconds * 1000;
  }
}
