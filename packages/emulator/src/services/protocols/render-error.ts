import { AwsServiceError } from "../errors.js";
import type { AwsResponse, Protocol } from "../service.js";
import { xmlElements } from "./xml.js";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Renders an error in the caller's protocol, in the shape each AWS SDK protocol parser reads
 * the error code from: `__type` for JSON, `<Code>` for XML, `x-amzn-errortype` for REST-JSON.
 */
export function renderError(
  protocol: Protocol,
  error: AwsServiceError,
  requestId: string,
): AwsResponse {
  const base = { "x-amzn-requestid": requestId, "x-amz-request-id": requestId };
  switch (protocol) {
    case "awsJson":
      return {
        statusCode: error.statusCode,
        headers: {
          ...base,
          "content-type": "application/x-amz-json-1.0",
          ...(error.queryErrorCode
            ? { "x-amzn-query-error": `${error.queryErrorCode};${error.fault}` }
            : {}),
        },
        body: JSON.stringify({ __type: error.code, message: error.message, ...error.fields }),
      };
    case "awsQuery":
      return {
        statusCode: error.statusCode,
        headers: { ...base, "content-type": "text/xml" },
        body: `${XML_DECLARATION}<ErrorResponse><Error>${xmlElements({
          Type: error.fault,
          Code: error.queryErrorCode ?? error.code,
          Message: error.message,
          ...error.fields,
        })}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case "restXml":
      return {
        statusCode: error.statusCode,
        headers: { ...base, "content-type": "application/xml" },
        body: `${XML_DECLARATION}<Error>${xmlElements({
          Code: error.code,
          Message: error.message,
          ...error.fields,
          RequestId: requestId,
        })}</Error>`,
      };
    case "restJson":
      return {
        statusCode: error.statusCode,
        headers: { ...base, "content-type": "application/json", "x-amzn-errortype": error.code },
        body: JSON.stringify({
          Type: error.fault === "Sender" ? "User" : "Service",
          message: error.message,
        }),
      };
  }
}

/** Anything thrown that is not a service error is the emulator's own fault: a 500 in kind. */
export function toServiceError(error: unknown): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  return new AwsServiceError(
    "InternalFailure",
    `The emulator failed to process the request: ${error instanceof Error ? error.message : String(error)}`,
    { statusCode: 500, cause: error },
  );
}
