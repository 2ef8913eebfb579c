import { AwsServiceError } from "../errors.js";
import type { EventBridgeTargets } from "./delivery-targets.js";
import type { TargetDestination } from "./rule-target.js";

/** The error codes EventBridge writes in the `ERROR_CODE` attribute of dead-lettered events. */
export type DeliveryErrorCode =
  | "NO_RESOURCE"
  | "INVALID_JSON"
  | "THROTTLING"
  | "SDK_CLIENT_ERROR"
  | "INTERNAL_ERROR";

export type AttemptOutcome =
  | { readonly delivered: true }
  | {
      readonly delivered: false;
      readonly retryable: boolean;
      readonly errorCode: DeliveryErrorCode;
      readonly reason: string;
    };

/** One delivery of a target's input. */
export interface Attempt {
  readonly destination: TargetDestination;
  readonly input: string;
  /** The rule, for logs and recordings (`events:<rule>`). */
  readonly ruleName: string;
  readonly messageGroupId: string | undefined;
  /** FIFO queues deduplicate by the event's id. */
  readonly eventId: string;
}

const DELIVERED: AttemptOutcome = { delivered: true };

export function attemptDelivery(
  targets: EventBridgeTargets,
  attempt: Attempt,
): Promise<AttemptOutcome> {
  const { destination } = attempt;
  switch (destination.kind) {
    case "lambda":
      return invokeFunction(targets, destination, attempt);
    case "sqs":
      return toSink(targets.queue, destination.arn, (send) =>
        send(destination.arn, {
          body: attempt.input,
          messageAttributes: {},
          ...(attempt.messageGroupId !== undefined && { messageGroupId: attempt.messageGroupId }),
          ...(destination.arn.endsWith(".fifo") && { messageDeduplicationId: attempt.eventId }),
        }),
      );
    case "sns":
      return toSink(targets.topic, destination.arn, (publish) =>
        publish(destination.arn, attempt.input),
      );
  }
}

/**
 * Invokes the function asynchronously, as EventBridge does: once Lambda has the event, the
 * function's own failures are Lambda's to retry; EventBridge retries only throttling and
 * failures to reach Lambda.
 */
async function invokeFunction(
  targets: EventBridgeTargets,
  destination: Extract<TargetDestination, { kind: "lambda" }>,
  attempt: Attempt,
): Promise<AttemptOutcome> {
  const { functions } = targets;
  if (functions === undefined || destination.functionName !== functions.functionName) {
    return failed(
      false,
      "NO_RESOURCE",
      `Function not found: ${destination.functionName} (the emulator runs ${functions?.functionName ?? "no function"})`,
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(attempt.input);
  } catch {
    return failed(false, "INVALID_JSON", "The target's input is not JSON, which Lambda requires.");
  }
  try {
    const outcome = await functions.invoker.invoke({
      payload,
      invocationType: "Event",
      ...(destination.qualifier !== undefined && { qualifier: destination.qualifier }),
      trigger: `events:${attempt.ruleName}`,
    });
    if (outcome.ok || outcome.kind === "function") return DELIVERED;
    return failed(true, "THROTTLING", `${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  } catch (error) {
    return failed(true, "INTERNAL_ERROR", describe(error));
  }
}

async function toSink<Sink>(
  sink: Sink | undefined,
  arn: string,
  send: (sink: Sink) => Promise<void>,
): Promise<AttemptOutcome> {
  if (sink === undefined) {
    return failed(false, "NO_RESOURCE", `The emulator does not deliver to ${arn}.`);
  }
  try {
    await send(sink);
    return DELIVERED;
  } catch (error) {
    const clientSide = error instanceof AwsServiceError && error.statusCode < 500;
    return failed(!clientSide, clientSide ? "SDK_CLIENT_ERROR" : "INTERNAL_ERROR", describe(error));
  }
}

function failed(retryable: boolean, errorCode: DeliveryErrorCode, reason: string): AttemptOutcome {
  return { delivered: false, retryable, errorCode, reason };
}

export function describe(error: unknown): string {
  if (error instanceof AwsServiceError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
