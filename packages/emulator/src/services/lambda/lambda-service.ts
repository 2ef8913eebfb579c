import { randomUUID } from "node:crypto";
import { FUNCTION_VERSION, type InvocationResult } from "../../host/index.js";
import { AwsServiceError } from "../errors.js";
import { renderError } from "../protocols/render-error.js";
import { type AwsRequest, type AwsResponse, type EmulatedService, PROTOCOLS } from "../service.js";
import { parseFunctionTarget } from "./function-target.js";
import { type InvokeParameters, readInvokeParameters } from "./invoke-request.js";
import { operationNotEmulated } from "./lambda-errors.js";
import type { LambdaFunction } from "./lambda-function.js";
import { logTail } from "./log-tail.js";

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;

/** What invocations through the Invoke API are recorded as having been caused by. */
export const INVOKE_API_TRIGGER = "invoke-api";

/** Lambda's Invoke API (REST-JSON) in front of the app's function. */
export function createLambdaService(lambda: LambdaFunction): EmulatedService {
  return {
    signingName: "lambda",
    protocol: PROTOCOLS.restJson,
    async handle(request) {
      try {
        return await handleInvoke(lambda, request);
      } catch (error) {
        if (error instanceof AwsServiceError) return renderLambdaError(error);
        throw error;
      }
    },
  };
}

async function handleInvoke(lambda: LambdaFunction, request: AwsRequest): Promise<AwsResponse> {
  const name = request.method === "POST" ? INVOKE_PATH.exec(request.path)?.[1] : undefined;
  if (name === undefined) throw operationNotEmulated(request.method, request.path);
  const parameters = readInvokeParameters(request, name);
  const target = parseFunctionTarget(parameters.functionName, parameters.qualifier);
  const invocation = {
    payload: parameters.payload,
    qualifier: lambda.resolve(target, request.region),
    trigger: INVOKE_API_TRIGGER,
    clientContext: parameters.clientContext,
  };
  switch (parameters.invocationType) {
    case "RequestResponse":
      return invokedResponse(await lambda.invoke(invocation), parameters);
    case "Event":
      return { statusCode: 202, headers: { "x-amzn-requestid": lambda.invokeAsync(invocation) } };
    case "DryRun":
      lambda.dryRun(invocation);
      return { statusCode: 204 };
  }
}

function invokedResponse(result: InvocationResult, parameters: InvokeParameters): AwsResponse {
  return {
    statusCode: 200,
    headers: {
      "content-type": "application/json",
      "x-amzn-requestid": result.requestId,
      "x-amz-executed-version": FUNCTION_VERSION,
      ...(result.status !== "success" && { "x-amz-function-error": "Unhandled" }),
      ...(parameters.logType === "Tail" && { "x-amz-log-result": logTail(result.logs) }),
    },
    body: result.payload,
  };
}

/**
 * Lambda's errors in REST-JSON, with their extra members in the body (`TooManyRequestsException`
 * carries its `Reason`), which the shared renderer leaves out.
 */
function renderLambdaError(error: AwsServiceError): AwsResponse {
  const response = renderError(PROTOCOLS.restJson, error, randomUUID());
  if (Object.keys(error.fields).length === 0) return response;
  const body = { ...JSON.parse(String(response.body)), ...error.fields };
  return { ...response, body: JSON.stringify(body) };
}
