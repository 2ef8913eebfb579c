import { InvalidStateMachineError } from "@domovoi/runtime";

/** What a Task state's `Resource` asks for. */
export type TaskResource =
  /** A function ARN: the Lambda "legacy" integration, recorded as `LambdaFunction*` events. */
  | { readonly kind: "lambda-function"; readonly arn: string; readonly function: FunctionReference }
  /** `arn:aws:states:::<service>:<action>[.pattern]`, recorded as `Task*` events. */
  | {
      readonly kind: "service";
      readonly arn: string;
      /** `lambda`, `sqs`, `aws-sdk:s3`: the events' `resourceType`. */
      readonly service: string;
      /** `invoke`, `sendMessage.waitForTaskToken`: the events' `resource`. */
      readonly action: string;
      readonly waitForTaskToken: boolean;
    };

export interface FunctionReference {
  /** The unqualified function ARN. */
  readonly arn: string;
  readonly name: string;
  readonly qualifier?: string;
}

const FUNCTION_ARN = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::([^:]+))?$/;
const PARTIAL_ARN = /^(\d{12}):function:([^:]+)(?::([^:]+))?$/;
const NAME = /^([A-Za-z0-9_-]+)(?::([^:]+))?$/;
const SERVICE_ARN = /^arn:[^:]+:states:[^:]*:[^:]*:(.+)$/;

export function parseTaskResource(resource: string, where: string): TaskResource {
  const service = SERVICE_ARN.exec(resource)?.[1];
  if (service !== undefined) {
    const separator = service.lastIndexOf(":");
    if (separator <= 0) throw invalid(resource, where);
    const action = service.slice(separator + 1);
    return {
      kind: "service",
      arn: resource,
      service: service.slice(0, separator),
      action,
      waitForTaskToken: action.endsWith(".waitForTaskToken"),
    };
  }
  const reference = FUNCTION_ARN.test(resource) ? parseFunctionName(resource, "", "") : undefined;
  if (reference === undefined) throw invalid(resource, where);
  return { kind: "lambda-function", arn: resource, function: reference };
}

/**
 * A function as Lambda's `FunctionName` accepts it: a name, a partial ARN or an ARN, each with an
 * optional `:qualifier`. A name is placed in the given region and account.
 */
export function parseFunctionName(
  value: string,
  region: string,
  accountId: string,
): FunctionReference | undefined {
  const full = FUNCTION_ARN.exec(value);
  if (full) return reference(full[1]!, full[2]!, full[3]!, full[4]);
  const partial = PARTIAL_ARN.exec(value);
  if (partial) return reference(region, partial[1]!, partial[2]!, partial[3]);
  const name = NAME.exec(value);
  return name ? reference(region, accountId, name[1]!, name[2]) : undefined;
}

function reference(
  region: string,
  accountId: string,
  name: string,
  qualifier?: string,
): FunctionReference {
  return {
    arn: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
    name,
    ...(qualifier !== undefined && { qualifier }),
  };
}

function invalid(resource: string, where: string): InvalidStateMachineError {
  return new InvalidStateMachineError(
    `${where}/Resource '${resource}' is neither a Lambda function ARN nor a Step Functions integration.`,
  );
}
