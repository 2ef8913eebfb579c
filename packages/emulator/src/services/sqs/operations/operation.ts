import type { OperationInput } from "../operation-input.js";
import type { SqsQueue } from "../queue.js";
import type { SqsBackend } from "../sqs-backend.js";

export interface OperationContext {
  readonly backend: SqsBackend;
  readonly region: string;
  /** The host the caller reached the emulator at: queue URLs point back to it. */
  readonly host: string;
  /** The caller's sender id, derived from its access key. */
  readonly senderId: string;
  /** The request path: older query clients post to the queue URL instead of naming it. */
  readonly path: string;
}

/** One SQS action: input and output in the JSON protocol's shape. */
export type Operation = (
  input: OperationInput,
  context: OperationContext,
) => object | Promise<object>;

/** The queue a request is about: its `QueueUrl`, or the URL it was posted to. */
export function targetQueue(input: OperationInput, context: OperationContext): SqsQueue {
  const url =
    input.has("QueueUrl") || context.path === "/" ? input.string("QueueUrl") : context.path;
  return context.backend.queueByUrl(context.region, url);
}
