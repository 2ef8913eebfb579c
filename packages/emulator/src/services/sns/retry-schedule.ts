/**
 * How long SNS waits before each retry of a failed delivery (`retry` counts from 1), in
 * milliseconds; undefined once it gives up.
 */
export type RetrySchedule = (retry: number) => number | undefined;

/**
 * SNS's delivery policy for endpoints that AWS manages (SQS, Lambda): 3 immediate retries, 2
 * retries 1 second apart, 10 retries backing off exponentially from 1 to 20 seconds, then
 * 100,000 retries 20 seconds apart, over about 23 days.
 */
export const AWS_MANAGED_RETRIES: RetrySchedule = (retry) => {
  if (retry <= 3) return 0;
  if (retry <= 5) return 1000;
  if (retry <= 15) return Math.round(1000 * 20 ** ((retry - 6) / 9));
  if (retry <= 100_015) return 20_000;
  return undefined;
};
