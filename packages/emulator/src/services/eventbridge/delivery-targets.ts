import type { SqsMessage } from "../../events/sqs.js";
import type { FunctionInvoker } from "../function-invoker.js";

/**
 * Where EventBridge delivers: the emulator connects the app's function and its own SQS and SNS.
 * A sink rejects with an `AwsServiceError` of a 4xx status when the queue or topic does not
 * exist, which is not retried; any other rejection is.
 */
export interface EventBridgeTargets {
  /** The app's function; targets naming another function fail, as for a deleted function. */
  readonly functions?: {
    readonly functionName: string;
    readonly invoker: FunctionInvoker;
  };
  /** Sends a message to a queue: a target's input, or a dead-lettered event. */
  readonly queue?: (queueArn: string, message: SqsMessage) => Promise<void>;
  /** Publishes a target's input to a topic. */
  readonly topic?: (topicArn: string, message: string) => Promise<void>;
}

/** An event one target could not be given. */
export interface EventBridgeDeliveryFailure {
  readonly ruleArn: string;
  readonly targetId: string;
  readonly targetArn: string;
  readonly eventId: string;
  readonly reason: string;
  /** The target's dead-letter queue that took the event; undefined when it is lost. */
  readonly deadLetterArn: string | undefined;
}
