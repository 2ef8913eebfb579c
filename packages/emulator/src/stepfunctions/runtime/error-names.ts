import { type StatesError, StatesErrorName } from "../errors.js";

/**
 * Whether a Retrier's or Catcher's `ErrorEquals` covers `error`. `States.ALL` covers every
 * error and `States.TaskFailed` every error but `States.Timeout`; other names match exactly.
 * A Fail state without `Error` is covered by `States.ALL` only.
 */
export function errorEqualsMatches(errorEquals: readonly string[], error: StatesError): boolean {
  return errorEquals.some((name) => {
    if (name === StatesErrorName.All) return true;
    if (name === StatesErrorName.TaskFailed) {
      return error.error !== undefined && error.error !== StatesErrorName.Timeout;
    }
    return name === error.error;
  });
}
