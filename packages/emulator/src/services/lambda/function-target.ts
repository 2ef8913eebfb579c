import { invalidParameterValue, validationError } from "./lambda-errors.js";

/** A function as a request names it: by name, partial ARN or ARN, with or without a qualifier. */
export interface FunctionTarget {
  readonly name: string;
  readonly qualifier: string | undefined;
  /** Set when the caller gave an ARN with a region. */
  readonly region: string | undefined;
  /** Set when the caller gave a (partial) ARN with an account. */
  readonly account: string | undefined;
}

// Invoke's `FunctionName` and `Qualifier` constraints, from the API reference.
const FUNCTION_NAME_PATTERN =
  "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
const FUNCTION_NAME = new RegExp(`^${FUNCTION_NAME_PATTERN}$`);
const FUNCTION_NAME_MAX_LENGTH = 170;
const QUALIFIER_PATTERN = "(|[a-zA-Z0-9$_-]+)";
const QUALIFIER = new RegExp(`^${QUALIFIER_PATTERN}$`);
const QUALIFIER_MAX_LENGTH = 128;

/**
 * Reads Invoke's `FunctionName` (`my-function`, `my-function:alias`,
 * `123456789012:function:my-function`, `arn:aws:lambda:us-east-1:123456789012:function:my-function`)
 * and `Qualifier`, which must agree when both name a qualifier.
 */
export function parseFunctionTarget(
  functionName: string,
  qualifier: string | undefined,
): FunctionTarget {
  if (functionName.length > FUNCTION_NAME_MAX_LENGTH) {
    throw validationError(
      functionName,
      "functionName",
      `Member must have length less than or equal to ${FUNCTION_NAME_MAX_LENGTH}`,
    );
  }
  const match = FUNCTION_NAME.exec(functionName);
  if (!match) {
    throw validationError(
      functionName,
      "functionName",
      `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN}`,
    );
  }
  checkQualifierSyntax(qualifier);
  const named = match[9];
  if (named !== undefined && qualifier && named !== qualifier) {
    throw invalidParameterValue(
      "The derived qualifier from the function name does not match the specified qualifier.",
    );
  }
  return {
    name: match[7]!,
    qualifier: named ?? (qualifier || undefined),
    region: match[3]?.slice(0, -1),
    account: match[5]?.slice(0, -1),
  };
}

function checkQualifierSyntax(qualifier: string | undefined): void {
  if (qualifier === undefined) return;
  if (qualifier.length > QUALIFIER_MAX_LENGTH) {
    throw validationError(
      qualifier,
      "qualifier",
      `Member must have length less than or equal to ${QUALIFIER_MAX_LENGTH}`,
    );
  }
  if (!QUALIFIER.test(qualifier)) {
    throw validationError(
      qualifier,
      "qualifier",
      `Member must satisfy regular expression pattern: ${QUALIFIER_PATTERN}`,
    );
  }
}
