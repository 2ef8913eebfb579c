import { AwsServiceError } from "../errors.js";

/**
 * SNS's errors with its wire codes and messages (recorded against AWS where a recording exists);
 * the AWS SDK maps the code to its exception class (`NotFound` to `NotFoundException`).
 */

/** `Invalid parameter: <detail>`, SNS's phrasing for nearly every refused input. */
export const invalidParameter = (detail: string) =>
  new AwsServiceError("InvalidParameter", `Invalid parameter: ${detail}`);

/** `Invalid parameter: <name> Reason: <reason>`. */
export const invalidParameterReason = (name: string, reason: string) =>
  invalidParameter(`${name} Reason: ${reason}`);

export const topicNotFound = () =>
  new AwsServiceError("NotFound", "Topic does not exist", { statusCode: 404 });

export const subscriptionNotFound = () =>
  new AwsServiceError("NotFound", "Subscription does not exist", { statusCode: 404 });

export const resourceNotFound = () =>
  new AwsServiceError("ResourceNotFound", "Resource does not exist", { statusCode: 404 });

/** A message attribute SNS refuses (`InvalidParameterValueException` in the SDK). */
export const invalidAttributeValue = (message: string) =>
  new AwsServiceError("ParameterValueInvalid", message);

/** A required member left out, in the words of SNS's request validation. */
export const missingMember = (path: string) =>
  new AwsServiceError(
    "ValidationError",
    `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
  );

export const emptyBatchRequest = () =>
  new AwsServiceError("EmptyBatchRequest", "The batch request doesn't contain any entries.");

export const tooManyEntriesInBatchRequest = () =>
  new AwsServiceError(
    "TooManyEntriesInBatchRequest",
    "The batch request contains more entries than permissible.",
  );

export const batchEntryIdsNotDistinct = () =>
  new AwsServiceError(
    "BatchEntryIdsNotDistinct",
    "Two or more batch entries in the request have the same Id.",
  );

export const invalidBatchEntryId = () =>
  new AwsServiceError(
    "InvalidBatchEntryId",
    "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.",
  );

export const batchRequestTooLong = () =>
  new AwsServiceError(
    "BatchRequestTooLong",
    "The length of all the messages put together is more than the limit.",
  );

/** An action of the SNS API that the emulator does not implement. */
export const actionNotEmulated = (action: string) =>
  new AwsServiceError(
    "InvalidAction",
    `The Domovoi emulator does not emulate the SNS action ${JSON.stringify(action)}.`,
  );
