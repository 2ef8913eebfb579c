import { snsEvent } from "../../events/sns.js";
import type { SnsNotification } from "../../events/sns-notification.js";
import type { SqsMessage } from "../../events/sqs.js";
import { AwsServiceError } from "../errors.js";
import { functionOf } from "./arns.js";
import type { FunctionDelivery, QueueDelivery } from "./delivery-targets.js";
import type { SnsSubscription } from "./subscription.js";

/** The outcome of one delivery attempt; client-side failures are not retried. */
export type AttemptOutcome =
  | { readonly delivered: true }
  | { readonly delivered: false; readonly retryable: boolean; readonly reason: string };

const DELIVERED: AttemptOutcome = { delivered: true };

/** Sends a message to a queue; SQS refusing it as the caller's fault (4xx) is not retried. */
export async function queueAttempt(
  queues: QueueDelivery,
  queueArn: string,
  message: SqsMessage,
): Promise<AttemptOutcome> {
  try {
    await queues.deliver(queueArn, message);
    return DELIVERED;
  } catch (error) {
    const clientSide = error instanceof AwsServiceError && error.statusCode < 500;
    return { delivered: false, retryable: !clientSide, reason: describe(error) };
  }
}

/**
 * Invokes the subscribed function asynchronously with one record, as SNS does. Once Lambda has
 * taken the event, the function's own failures are Lambda's to retry; SNS retries only when
 * Lambda throttles the call or cannot be reached.
 */
export async function lambdaAttempt(
  functions: FunctionDelivery | undefined,
  subscription: SnsSubscription,
  notification: SnsNotification,
): Promise<AttemptOutcome> {
  const target = functionOf(subscription.endpoint);
  if (functions === undefined || target?.name !== functions.functionName) {
    return {
      delivered: false,
      retryable: false,
      reason: `Function not found: ${subscription.endpoint} (the emulator runs ${functions?.functionName ?? "no function"})`,
    };
  }
  try {
    const outcome = await functions.invoker.invoke({
      payload: snsEvent([notification]),
      invocationType: "Event",
      ...(target.qualifier !== undefined && { qualifier: target.qualifier }),
      trigger: `sns:${subscription.topic.name}`,
    });
    if (outcome.ok || outcome.kind === "function") return DELIVERED;
    return {
      delivered: false,
      retryable: true,
      reason: `${outcome.error.errorType}: ${outcome.error.errorMessage}`,
    };
  } catch (error) {
    return { delivered: false, retryable: true, reason: describe(error) };
  }
}

export function describe(error: unknown): string {
  if (error instanceof AwsServiceError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
