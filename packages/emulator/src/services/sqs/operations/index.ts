import { invalidAction, unsupportedOperation } from "../sqs-errors.js";
import {
  changeMessageVisibility,
  changeMessageVisibilityBatch,
  deleteMessage,
  deleteMessageBatch,
} from "./message-operations.js";
import type { Operation } from "./operation.js";
import {
  createQueue,
  deleteQueue,
  getQueueAttributes,
  getQueueUrl,
  listQueues,
  listQueueTags,
  purgeQueue,
  setQueueAttributes,
} from "./queue-operations.js";
import { receiveMessage } from "./receive-message.js";
import { sendMessage, sendMessageBatch } from "./send-message.js";

export type { Operation, OperationContext } from "./operation.js";

const OPERATIONS: Readonly<Record<string, Operation>> = {
  ChangeMessageVisibility: changeMessageVisibility,
  ChangeMessageVisibilityBatch: changeMessageVisibilityBatch,
  CreateQueue: createQueue,
  DeleteMessage: deleteMessage,
  DeleteMessageBatch: deleteMessageBatch,
  DeleteQueue: deleteQueue,
  GetQueueAttributes: getQueueAttributes,
  GetQueueUrl: getQueueUrl,
  ListQueues: listQueues,
  ListQueueTags: listQueueTags,
  PurgeQueue: purgeQueue,
  ReceiveMessage: receiveMessage,
  SendMessage: sendMessage,
  SendMessageBatch: sendMessageBatch,
  SetQueueAttributes: setQueueAttributes,
};

/** Actions of the SQS API that the emulator leaves out: they answer with a clear error. */
const NOT_IMPLEMENTED = new Set([
  "AddPermission",
  "CancelMessageMoveTask",
  "ListDeadLetterSourceQueues",
  "ListMessageMoveTasks",
  "RemovePermission",
  "StartMessageMoveTask",
  "TagQueue",
  "UntagQueue",
]);

/** Actions whose responses carry no result element in the query protocol. */
export const VOID_ACTIONS = new Set([
  "ChangeMessageVisibility",
  "DeleteMessage",
  "DeleteQueue",
  "PurgeQueue",
  "SetQueueAttributes",
]);

export function operationFor(action: string): Operation {
  const operation = Object.hasOwn(OPERATIONS, action) ? OPERATIONS[action] : undefined;
  if (operation) return operation;
  throw NOT_IMPLEMENTED.has(action) ? unsupportedOperation(action) : invalidAction(action);
}
