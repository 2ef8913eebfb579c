import type { SqsMessage } from "../../events/sqs.js";
import type { FunctionInvoker } from "../function-invoker.js";

/**
 * How SNS reaches SQS: the emulator connects it to its SQS core. `deliver` sends one message as
 * SNS does (SendMessage, with the topic as sender) and rejects when SQS refuses it; an
 * `AwsServiceError` with a 4xx status (the queue does not exist) is a client-side error, which
 * SNS does not retry; any other rejection is retried.
 */
export interface QueueDelivery {
  deliver(queueArn: string, message: SqsMessage): Promise<void>;
}

/**
 * The app's function, which `lambda` subscriptions reach through the emulator's invoker. A
 * subscription naming another function fails its deliveries, as one to a deleted function does.
 */
export interface FunctionDelivery {
  readonly functionName: string;
  readonly invoker: FunctionInvoker;
}

/** A message that could not be delivered to a subscription. */
export interface SnsDeliveryFailure {
  readonly subscriptionArn: string;
  readonly messageId: string;
  readonly reason: string;
  /** The subscription's dead-letter queue that took the message; undefined when it is lost. */
  readonly deadLetterTargetArn: string | undefined;
}
