import type { AwsRequest, AwsResponse } from "../../service.js";
import { OperationInput } from "../operation-input.js";
import { operationFor } from "../operations/index.js";
import type { SqsBackend } from "../sqs-backend.js";
import { invalidAction, serializationException } from "../sqs-errors.js";
import { operationContext } from "./request-context.js";

const TARGET_PREFIX = "AmazonSQS.";

/** The AWS JSON 1.0 protocol (`X-Amz-Target: AmazonSQS.<Action>`), which SDK v3 speaks. */
export async function handleJsonRequest(
  request: AwsRequest,
  backend: SqsBackend,
): Promise<AwsResponse> {
  const target = request.headers["x-amz-target"] ?? "";
  if (!target.startsWith(TARGET_PREFIX)) throw invalidAction(target);
  const operation = operationFor(target.slice(TARGET_PREFIX.length));
  const output = await operation(
    new OperationInput(parseBody(request.body)),
    operationContext(request, backend),
  );
  return {
    statusCode: 200,
    headers: { "content-type": "application/x-amz-json-1.0" },
    body: JSON.stringify(output),
  };
}

function parseBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw serializationException("The request body is not valid JSON.");
  }
}
