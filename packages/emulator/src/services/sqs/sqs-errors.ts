import { AwsServiceError } from "../errors.js";

/**
 * SQS answers in two protocols with two codes per error: the JSON protocol's `__type` and the
 * query protocol's code, which JSON clients read from `x-amzn-query-error` (the AWS SDK v3 maps
 * that one to its exception class). The pairs are the ones SQS sends (recorded against AWS).
 */
function sqsError(
  type: string,
  queryCode: string,
  message: string,
  statusCode = 400,
): AwsServiceError {
  return new AwsServiceError(type, message, { statusCode, queryErrorCode: queryCode });
}

export const queueDoesNotExist = () =>
  sqsError(
    "QueueDoesNotExist",
    "AWS.SimpleQueueService.NonExistentQueue",
    "The specified queue does not exist.",
  );

export const queueNameExists = (attribute: string) =>
  sqsError(
    "QueueNameExists",
    "QueueAlreadyExists",
    `A queue already exists with the same name and a different value for attribute ${attribute}`,
  );

export const invalidParameterValue = (message: string) =>
  sqsError("InvalidParameterValueException", "InvalidParameterValue", message);

/** `Value <value> for parameter <name> is invalid. Reason: <reason>`, SQS's usual phrasing. */
export const invalidParameter = (name: string, value: unknown, reason: string) =>
  invalidParameterValue(
    `Value ${String(value)} for parameter ${name} is invalid. Reason: ${reason}`,
  );

export const missingParameter = (name: string) =>
  sqsError(
    "MissingRequiredParameterException",
    "MissingParameter",
    `The request must contain the parameter ${name}.`,
  );

export const invalidAttributeName = (name: string) =>
  sqsError("InvalidAttributeName", "InvalidAttributeName", `Unknown Attribute ${name}.`);

export const invalidAttributeValue = (name: string, reason?: string) =>
  sqsError(
    "InvalidAttributeValue",
    "InvalidAttributeValue",
    `Invalid value for the parameter ${name}.${reason ? ` Reason: ${reason}` : ""}`,
  );

export const conflictingEncryption = () =>
  sqsError(
    "InvalidAttributeName",
    "InvalidAttributeName",
    "You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.",
  );

export const receiptHandleIsInvalid = (handle: string) =>
  sqsError(
    "ReceiptHandleIsInvalid",
    "ReceiptHandleIsInvalid",
    `The input receipt handle "${handle}" is not a valid receipt handle.`,
    404,
  );

export const receiptHandleExpired = (handle: string) =>
  invalidParameter("ReceiptHandle", handle, "The receipt handle has expired.");

export const messageNotAvailable = (handle: string) =>
  invalidParameter(
    "ReceiptHandle",
    handle,
    "Message does not exist or is not available for visibility timeout change.",
  );

export const purgeQueueInProgress = (queueName: string) =>
  sqsError(
    "PurgeQueueInProgress",
    "AWS.SimpleQueueService.PurgeQueueInProgress",
    `Only one PurgeQueue operation on ${queueName} is allowed every 60 seconds.`,
    403,
  );

export const invalidMessageContents = (codePoint: number) =>
  sqsError(
    "InvalidMessageContents",
    "InvalidMessageContents",
    `Invalid binary character '#x${codePoint.toString(16).toUpperCase()}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].`,
  );

export const emptyBatchRequest = (entryName: string) =>
  sqsError(
    "EmptyBatchRequest",
    "AWS.SimpleQueueService.EmptyBatchRequest",
    `There should be at least one ${entryName} in the request.`,
  );

export const tooManyEntriesInBatchRequest = (count: number) =>
  sqsError(
    "TooManyEntriesInBatchRequest",
    "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
    `Maximum number of entries per request are 10. You have sent ${count}.`,
  );

export const batchEntryIdsNotDistinct = (id: string) =>
  sqsError(
    "BatchEntryIdsNotDistinct",
    "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
    `Id ${id} repeated.`,
  );

export const invalidBatchEntryId = () =>
  sqsError(
    "InvalidBatchEntryId",
    "AWS.SimpleQueueService.InvalidBatchEntryId",
    "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
  );

export const batchRequestTooLong = (limit: number, size: number) =>
  sqsError(
    "BatchRequestTooLong",
    "AWS.SimpleQueueService.BatchRequestTooLong",
    `Batch requests cannot be longer than ${limit} bytes. You have sent ${size} bytes.`,
  );

export const unsupportedOperation = (operation: string) =>
  sqsError(
    "UnsupportedOperation",
    "AWS.SimpleQueueService.UnsupportedOperation",
    `The Domovoi emulator does not implement the SQS operation ${operation}.`,
  );

export const invalidAction = (action: string) =>
  sqsError(
    "InvalidAction",
    "InvalidAction",
    `The action ${action} is not valid for this endpoint.`,
  );

export const serializationException = (reason: string) =>
  sqsError("SerializationException", "SerializationException", reason);

/** What a failed batch entry reports in `Failed`, instead of failing the whole request. */
export interface BatchEntryError {
  readonly Id: string;
  readonly SenderFault: boolean;
  readonly Code: string;
  readonly Message: string;
}

export function batchEntryError(id: string, error: AwsServiceError): BatchEntryError {
  return {
    Id: id,
    SenderFault: error.fault === "Sender",
    Code: error.queryErrorCode ?? error.code,
    Message: error.message,
  };
}
