/** A rule's target as PutTargets defines it and ListTargetsByRule returns it. */
export interface TargetDefinition {
  readonly id: string;
  readonly arn: string;
  readonly roleArn?: string;
  /** JSON text sent instead of the event. */
  readonly input?: string;
  /** The part of the event sent instead of all of it. */
  readonly inputPath?: string;
  readonly inputTransformer?: {
    readonly inputPathsMap: Readonly<Record<string, string>>;
    readonly inputTemplate: string;
  };
  readonly retryPolicy?: RetryPolicy;
  /** The SQS queue that takes the events this target could not be given. */
  readonly deadLetterArn?: string;
  /** FIFO queue targets: the message group of every event sent. */
  readonly messageGroupId?: string;
}

export interface RetryPolicy {
  readonly maximumRetryAttempts?: number;
  readonly maximumEventAgeInSeconds?: number;
}

/** EventBridge's default: retry for 24 hours, at most 185 times. */
export const DEFAULT_RETRY_POLICY: Required<RetryPolicy> = {
  maximumRetryAttempts: 185,
  maximumEventAgeInSeconds: 86_400,
};

/**
 * How long EventBridge waits before retry number `retry` (from 1), in milliseconds. AWS backs off
 * exponentially with jitter without publishing the curve; doubling from one second up to eight
 * minutes spreads the default 185 retries over about its 24 hours, and no jitter keeps the
 * emulator's runs repeatable.
 */
export function retryDelay(retry: number): number {
  return Math.min(1000 * 2 ** (retry - 1), 8 * 60_000);
}
