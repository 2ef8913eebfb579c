import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import { AwsServiceError } from "../errors.js";

/** Kinesis's errors with its wire codes and messages; the SDK maps each code to its class. */

export const streamNotFound = (name: string) =>
  new AwsServiceError(
    "ResourceNotFoundException",
    `Stream ${name} under account ${LOCAL_ACCOUNT_ID} not found.`,
  );

export const streamExists = (name: string) =>
  new AwsServiceError(
    "ResourceInUseException",
    `Stream ${name} under account ${LOCAL_ACCOUNT_ID} already exists.`,
  );

export const shardNotFound = (shardId: string, name: string) =>
  new AwsServiceError(
    "ResourceNotFoundException",
    `Shard ${shardId} in stream ${name} under account ${LOCAL_ACCOUNT_ID} does not exist`,
  );

export const invalidArgument = (message: string) =>
  new AwsServiceError("InvalidArgumentException", message);

export const expiredIterator = (issuedAt: number, now: number) =>
  new AwsServiceError(
    "ExpiredIteratorException",
    `Iterator expired. The iterator was created at time ${new Date(issuedAt).toUTCString()} while right now it is ${new Date(now).toUTCString()} which is further in the future than the tolerated delay of 300000 milliseconds.`,
  );

/** An action of the Kinesis API that the emulator does not implement. */
export const operationNotEmulated = (operation: string) =>
  new AwsServiceError(
    "UnknownOperationException",
    `The Domovoi emulator does not emulate the Kinesis operation ${JSON.stringify(operation)}.`,
  );
