import type { S3EventBridgeEvent } from "../../events/s3-eventbridge.js";
import type { FunctionInvoker } from "../function-invoker.js";

/**
 * Where S3 delivers notifications. The emulator connects its own SQS, SNS and EventBridge here;
 * S3 refuses to configure a kind of destination that is not connected, as it refuses a
 * destination it cannot reach.
 */
export interface NotificationTargets {
  /** The app's function, which S3 invokes asynchronously (`Event`). */
  readonly lambda: FunctionInvoker;
  /** Sends a message to a standard queue; rejects when the queue does not exist. */
  readonly queue?: (queueArn: string, body: string) => Promise<void>;
  /** Publishes a message to a standard topic; rejects when the topic does not exist. */
  readonly topic?: (topicArn: string, message: string, subject: string) => Promise<void>;
  /** Puts an event on the default event bus of the bucket's region. */
  readonly eventBus?: (event: S3EventBridgeEvent) => Promise<void>;
}
