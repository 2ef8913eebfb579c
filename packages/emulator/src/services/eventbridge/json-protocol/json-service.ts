import { AwsServiceError } from "../../errors.js";
import { type AwsRequest, type EmulatedService, PROTOCOLS } from "../../service.js";
import { JsonMembers, type ValidationFailure } from "./json-members.js";

/** One operation of a JSON-protocol service: the request's members in, the response out. */
export type JsonOperation<Context> = (
  input: JsonMembers,
  context: Context,
) => object | Promise<object>;

export interface JsonServiceOptions<Context> {
  readonly signingName: string;
  /** The `X-Amz-Target` prefix before the operation name (`AWSEvents`, `Logs_20140328`). */
  readonly targetPrefix: string;
  /** The service's display name, for the error that names an operation it does not emulate. */
  readonly serviceName: string;
  readonly operations: Readonly<Record<string, JsonOperation<Context>>>;
  readonly validationFailure: ValidationFailure;
  readonly context: (request: AwsRequest) => Context;
}

/**
 * A service of the AWS JSON 1.1 protocol (`X-Amz-Target: <prefix>.<Operation>`, JSON in and out),
 * which EventBridge and CloudWatch Logs speak; its errors are rendered by the emulator's dispatcher.
 */
export function createJsonService<Context>(options: JsonServiceOptions<Context>): EmulatedService {
  const prefix = `${options.targetPrefix}.`;
  return {
    signingName: options.signingName,
    protocol: PROTOCOLS.awsJson,
    async handle(request) {
      const target = request.headers["x-amz-target"] ?? "";
      const name = target.startsWith(prefix) ? target.slice(prefix.length) : "";
      const operation = Object.hasOwn(options.operations, name)
        ? options.operations[name]
        : undefined;
      if (!operation) throw unknownOperation(options.serviceName, target);
      const input = JsonMembers.parse(request.body, options.validationFailure);
      const output = await operation(input, options.context(request));
      return {
        statusCode: 200,
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: JSON.stringify(output),
      };
    },
  };
}

function unknownOperation(serviceName: string, target: string): AwsServiceError {
  return new AwsServiceError(
    "UnknownOperationException",
    `The Domovoi emulator does not emulate the ${serviceName} operation ${JSON.stringify(target)}.`,
  );
}
