import { parseQueueArn } from "./queue-names.js";
import { invalidAttributeValue, invalidParameter } from "./sqs-errors.js";

export interface RedrivePolicy {
  readonly deadLetterTargetArn: string;
  readonly maxReceiveCount: number;
}

/** What the policy needs to know of its dead-letter target. */
export interface DeadLetterTarget {
  readonly fifo: boolean;
}

const MAX_RECEIVE_COUNT = 1000;

/**
 * Parses and checks a `RedrivePolicy` attribute as SQS does: a JSON map naming an existing queue
 * of the same type and a receive count of 1 to 1000 (a number or a numeric string).
 */
export function parseRedrivePolicy(
  raw: string,
  sourceIsFifo: boolean,
  findTarget: (arn: string) => DeadLetterTarget | undefined,
): RedrivePolicy {
  const policy = parseJsonMap(raw);
  const fail = (reason: string) => invalidParameter("RedrivePolicy", raw, reason);
  const { deadLetterTargetArn, maxReceiveCount } = policy;
  if (typeof deadLetterTargetArn !== "string" || !parseQueueArn(deadLetterTargetArn)) {
    throw fail("Invalid value for deadLetterTargetArn.");
  }
  const count = typeof maxReceiveCount === "string" ? Number(maxReceiveCount) : maxReceiveCount;
  if (
    typeof count !== "number" ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_RECEIVE_COUNT
  ) {
    throw fail(
      `Invalid value for maxReceiveCount: ${String(maxReceiveCount)}, valid values are from 1 to ${MAX_RECEIVE_COUNT} both inclusive.`,
    );
  }
  const target = findTarget(deadLetterTargetArn);
  if (!target) throw fail("Dead letter target does not exist.");
  if (target.fifo !== sourceIsFifo) {
    throw fail("Dead-letter queue must be same type of queue as the source.");
  }
  return { deadLetterTargetArn, maxReceiveCount: count };
}

function parseJsonMap(raw: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw invalidAttributeValue("RedrivePolicy", "Redrive policy is not a valid JSON map.");
  }
  return parsed as Record<string, unknown>;
}
