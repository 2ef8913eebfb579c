import { MatchingValidationError } from "@domovoi/runtime/matching";
import { AwsServiceError } from "../errors.js";

/**
 * EventBridge's errors with its wire codes and messages, as recorded against AWS where a
 * recording exists (LocalStack's AWS-validated snapshots); the others say so.
 */

export const validationException = (message: string) =>
  new AwsServiceError("ValidationException", message);

export const eventBusNotFound = (name: string) =>
  new AwsServiceError("ResourceNotFoundException", `Event bus ${name} does not exist.`);

export const eventBusExists = (name: string) =>
  new AwsServiceError("ResourceAlreadyExistsException", `Event bus ${name} already exists.`);

export const defaultBusUndeletable = () => validationException("Cannot delete event bus default.");

export const ruleNotFound = (rule: string, bus: string) =>
  new AwsServiceError(
    "ResourceNotFoundException",
    `Rule ${rule} does not exist on EventBus ${bus}.`,
  );

export const ruleHasTargets = () =>
  validationException("Rule can't be deleted since it has targets.");

/** Not on record; AWS's documented requirement, in its usual phrasing. */
export const patternOrScheduleRequired = () =>
  validationException("Parameter(s) EventPattern or ScheduleExpression must be specified.");

export const tooManyTargets = () =>
  new AwsServiceError(
    "LimitExceededException",
    "The requested resource exceeds the maximum number allowed.",
  );

export const oneInputKind = (targetId: string) =>
  validationException(
    `Only one of Input, InputPath, or InputTransformer must be provided for target ${targetId}.`,
  );

export const invalidPlaceholder = (targetId: string, placeholder: string) =>
  validationException(
    `InputTemplate for target ${targetId} contains invalid placeholder ${placeholder}.`,
  );

/** Not on record: the message names the target and the path AWS cannot evaluate. */
export const invalidInputPath = (targetId: string, member: string, path: string) =>
  validationException(`${member} for target ${targetId} is not a valid JSON path: ${path}.`);

export const invalidArn = (arn: string) =>
  validationException(
    `Parameter ${arn} is not valid. Reason: Provided Arn is not in correct format.`,
  );

export const entriesTooLarge = () =>
  validationException("Total size of the entries in the request is over the limit.");

/** Not on record. */
export const invalidNextToken = () => validationException("The NextToken provided is invalid.");

/**
 * A pattern or schedule the matching engines refuse, with the code and message AWS gives
 * (`InvalidEventPatternException`, `ValidationException`).
 */
export function fromMatchingError(error: unknown): unknown {
  return error instanceof MatchingValidationError
    ? new AwsServiceError(error.code, error.message, { cause: error })
    : error;
}
