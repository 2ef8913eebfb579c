import { AwsServiceError } from "../errors.js";

/** DynamoDB's errors with its wire codes; the SDK maps each code to its exception class. */

export const validationError = (message: string) =>
  new AwsServiceError("ValidationException", message);

export const serializationError = () =>
  new AwsServiceError(
    "SerializationException",
    "Start of structure or map found where not expected.",
  );

export const resourceNotFound = (message = "Requested resource not found") =>
  new AwsServiceError("ResourceNotFoundException", message);

/**
 * An operation of the DynamoDB APIs that the emulator does not implement (transactions, PartiQL,
 * backups...), refused by name rather than by a generic failure.
 */
export const operationNotEmulated = (service: string, operation: string) =>
  new AwsServiceError(
    "UnknownOperationException",
    `The Domovoi emulator does not emulate the ${service} operation ${JSON.stringify(operation)} (its DynamoDB is dynalite, which lacks it).`,
  );
