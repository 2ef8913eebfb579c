import { AwsServiceError } from "../errors.js";

/**
 * CloudWatch Logs' errors with its wire codes and messages, as recorded against AWS where a
 * recording exists (LocalStack's AWS-validated snapshots); the others say so.
 */

export const invalidParameter = (message: string) =>
  new AwsServiceError("InvalidParameterException", message);

export const logGroupNotFound = () =>
  new AwsServiceError("ResourceNotFoundException", "The specified log group does not exist.");

export const logStreamNotFound = () =>
  new AwsServiceError("ResourceNotFoundException", "The specified log stream does not exist.");

export const subscriptionFilterNotFound = () =>
  new AwsServiceError(
    "ResourceNotFoundException",
    "The specified subscription filter does not exist.",
  );

export const logGroupExists = () =>
  new AwsServiceError("ResourceAlreadyExistsException", "The specified log group already exists");

export const logStreamExists = () =>
  new AwsServiceError("ResourceAlreadyExistsException", "The specified log stream already exists");

export const nameTooLong = () =>
  invalidParameter(
    "Invalid LogGroup or LogStream, both must have length less than or equal to 512.",
  );

export const resourceLimitExceeded = () =>
  new AwsServiceError("LimitExceededException", "Resource limit exceeded.");

export const invalidNextToken = () => invalidParameter("The specified nextToken is invalid.");

export const notChronological = () =>
  invalidParameter("Log events in a single PutLogEvents request must be in chronological order.");

/** Not on record; AWS's documented rule, in the phrasing of its other PutLogEvents messages. */
export const spanTooLong = () =>
  invalidParameter(
    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.",
  );

/** Not on record; AWS's documented limit of a PutLogEvents batch. */
export const batchTooLarge = (bytes: number, limit: number) =>
  invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${limit}`);

export const prefixAndPattern = () =>
  invalidParameter(
    "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.",
  );

export const nameAndIdentifier = () =>
  new AwsServiceError(
    "ValidationException",
    "LogGroup name and LogGroup ARN are mutually exclusive parameters.",
  );

/** Not on record. */
export const streamNamesAndPrefix = () =>
  invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");

/** Not on record; AWS's documented restriction of DescribeLogStreams. */
export const orderWithPrefix = () =>
  invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");

export const kinesisWithoutRole = (vendor: string) =>
  invalidParameter(`destinationArn for vendor ${vendor} cannot be used without roleArn`);

/**
 * What AWS answers when it cannot invoke a subscription's function; here, a function other than
 * the app's, which the emulator does not run.
 */
export const functionNotInvocable = () =>
  invalidParameter(
    "Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.",
  );

export const destinationNotEmulated = (arn: string) =>
  invalidParameter(
    `The Domovoi emulator delivers subscription filters to the app's Lambda function only, not to ${arn}.`,
  );
