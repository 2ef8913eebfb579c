import type { OperationInput } from "../operation-input.js";
import type { SqsQueue } from "../queue.js";
import { invalidParameter, missingParameter } from "../sqs-errors.js";
import { readBatch, runBatch } from "./batch.js";
import { type Operation, targetQueue } from "./operation.js";

const MAX_VISIBILITY_TIMEOUT = 43_200;

export const deleteMessage: Operation = (input, context) => {
  targetQueue(input, context).deleteMessage(input.string("ReceiptHandle"));
  return {};
};

export const deleteMessageBatch: Operation = (input, context) => {
  const queue = targetQueue(input, context);
  const entries = readBatch(input, "DeleteMessageBatchRequestEntry");
  return runBatch(entries, (entry) => {
    queue.deleteMessage(entry.string("ReceiptHandle"));
    return {};
  });
};

export const changeMessageVisibility: Operation = (input, context) => {
  changeVisibility(targetQueue(input, context), input);
  return {};
};

export const changeMessageVisibilityBatch: Operation = (input, context) => {
  const queue = targetQueue(input, context);
  const entries = readBatch(input, "ChangeMessageVisibilityBatchRequestEntry");
  return runBatch(entries, (entry) => {
    changeVisibility(queue, entry);
    return {};
  });
};

function changeVisibility(queue: SqsQueue, input: OperationInput): void {
  const handle = input.string("ReceiptHandle");
  const timeout = input.optionalInteger("VisibilityTimeout");
  if (timeout === undefined) throw missingParameter("VisibilityTimeout");
  if (timeout < 0 || timeout > MAX_VISIBILITY_TIMEOUT) {
    throw invalidParameter(
      "VisibilityTimeout",
      timeout,
      `VisibilityTimeout must be an integer between 0 and ${MAX_VISIBILITY_TIMEOUT}.`,
    );
  }
  queue.changeVisibility(handle, timeout);
}
