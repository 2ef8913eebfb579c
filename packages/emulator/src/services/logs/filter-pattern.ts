import {
  compileLogsFilterPattern,
  type LogsFilterMatcher,
  MatchingValidationError,
} from "@domovoi/runtime/matching";
import { AwsServiceError } from "../errors.js";

/** Compiles a filter pattern, refusing it with CloudWatch Logs' code and message. */
export function compileFilterPattern(pattern: string): LogsFilterMatcher {
  try {
    return compileLogsFilterPattern(pattern);
  } catch (error) {
    if (!(error instanceof MatchingValidationError)) throw error;
    throw new AwsServiceError(error.code, error.message, { cause: error });
  }
}
