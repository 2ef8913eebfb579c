import { randomUUID } from "node:crypto";
import { AwsServiceError } from "../../errors.js";
import { renderError, toServiceError } from "../../protocols/render-error.js";
import type { AwsRequest, AwsResponse } from "../../service.js";
import { OperationInput } from "../operation-input.js";
import { operationFor, VOID_ACTIONS } from "../operations/index.js";
import type { SqsBackend } from "../sqs-backend.js";
import { missingParameter } from "../sqs-errors.js";
import { decodeQueryParameters } from "./query-params.js";
import { queryResponse } from "./query-response.js";
import { operationContext } from "./request-context.js";

/**
 * The query protocol (`Action=...&Version=2012-11-05`, XML responses) of older SDKs. It answers
 * its own errors: the emulator renders a service's errors in the service's main protocol, which
 * for SQS is JSON.
 */
export async function handleQueryRequest(
  request: AwsRequest,
  backend: SqsBackend,
): Promise<AwsResponse> {
  const requestId = randomUUID();
  try {
    const params = new URLSearchParams(request.body.toString("utf8"));
    const action = params.get("Action");
    if (!action) throw missingParameter("Action");
    const output = await operationFor(action)(
      new OperationInput(decodeQueryParameters(params)),
      operationContext(request, backend),
    );
    return {
      statusCode: 200,
      headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
      body: queryResponse(action, output, requestId, !VOID_ACTIONS.has(action)),
    };
  } catch (error) {
    return renderError("awsQuery", inQueryTerms(toServiceError(error)), requestId);
  }
}

/** The query protocol words one error differently from the JSON protocol. */
function inQueryTerms(error: AwsServiceError): AwsServiceError {
  if (error.code !== "QueueDoesNotExist") return error;
  return new AwsServiceError(
    error.code,
    "The specified queue does not exist for this wsdl version.",
    {
      queryErrorCode: error.queryErrorCode,
    },
  );
}
