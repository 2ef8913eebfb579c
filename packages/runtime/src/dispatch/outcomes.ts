import { BatchFailedError } from "../errors.js";

/** Work for one part of an event, once its handler is known. */
export type Route = () => Promise<unknown>;

/** S3 test events and Logs control messages are acknowledged and given to no handler. */
export const acknowledge: Route = async () => undefined;

/**
 * Runs every route to the end, even when one fails, so that one handler's failure does not
 * leave another's part of the event unhandled. Answers the one result (or the list of results),
 * or throws the one error (or a {@link BatchFailedError} holding them all).
 */
export async function runAll(routes: readonly Route[]): Promise<unknown> {
  // The common case, and the one answer either way: the route's own result or error.
  if (routes.length === 1) return routes[0]!();
  const outcomes = await Promise.allSettled(routes.map((route) => route()));
  const errors = outcomes.flatMap((outcome) =>
    outcome.status === "rejected" ? [outcome.reason] : [],
  );
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    throw new BatchFailedError(`${errors.length} of ${routes.length} handlers failed.`, errors);
  }
  const results = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
  return results.length === 1 ? results[0] : results;
}
