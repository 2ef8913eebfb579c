import { runtimeError } from "../errors.js";
import { isJsonObject, toJsonText } from "../json.js";
import type { StateRun } from "../runtime/state-run.js";
import { lambdaServiceFailure } from "./lambda-failures.js";
import { lambdaInvokeResponse } from "./lambda-invoke-response.js";
import type { LambdaTaskRequest, TaskResult, TaskSuccess } from "./task-invoker.js";
import { resultSize } from "./task-outcome.js";
import { parseFunctionName } from "./task-resource.js";

type RequestBase = Pick<
  LambdaTaskRequest,
  "resource" | "stateName" | "executionArn" | "signal" | "taskToken"
>;

/**
 * Invokes the function `arn:aws:states:::lambda:invoke` names in its `FunctionName` parameter
 * (name, partial ARN or ARN, with `Qualifier`), sending `Payload` as Lambda would: a string is
 * JSON text, no payload is `{}`. A failed function's cause is Lambda's error payload re-serialised
 * compactly, as Step Functions' SDK does.
 */
export async function invokeLambdaIntegration(
  parameters: unknown,
  base: RequestBase,
  run: StateRun,
): Promise<TaskResult> {
  if (!isJsonObject(parameters) || typeof parameters.FunctionName !== "string") {
    throw runtimeError("The lambda:invoke parameters must name the function in 'FunctionName'.");
  }
  const [, , , region = "", accountId = ""] = run.branch.core.identity.stateMachineArn.split(":");
  const fn = parseFunctionName(parameters.FunctionName, region, accountId);
  if (fn === undefined) {
    return lambdaServiceFailure(
      "ValidationException",
      `1 validation error detected: Value '${parameters.FunctionName}' at 'functionName' failed to satisfy constraint`,
      400,
    );
  }
  const payload = decodePayload(parameters.Payload);
  if (payload.error) return payload.error;
  const qualifier = typeof parameters.Qualifier === "string" ? parameters.Qualifier : fn.qualifier;
  const result = await run.branch.core.services.invoker.invoke({
    ...base,
    kind: "lambda",
    functionArn: fn.arn,
    functionName: fn.name,
    ...(qualifier !== undefined && { qualifier }),
    payload: payload.value,
    payloadText: payload.text,
    ...(typeof parameters.LogType === "string" && { logType: parameters.LogType }),
  });
  return result.ok ? result : { ...result, cause: compactJson(result.cause) };
}

/** The Lambda `Invoke` response Step Functions returns as the task's result. */
export function lambdaIntegrationResult(
  result: TaskSuccess,
  parameters: unknown,
  run: StateRun,
): Record<string, unknown> {
  const { clock, randomness } = run.branch.core.services;
  return lambdaInvokeResponse({
    result,
    contentLength: resultSize(result),
    requestId: randomness.uuid(),
    traceId: `Root=1-${Math.floor(clock.now() / 1000).toString(16)}-${randomness.uuid().replaceAll("-", "").slice(0, 24)}`,
    date: new Date(clock.now()),
    tail: isJsonObject(parameters) && parameters.LogType === "Tail",
  });
}

type DecodedPayload =
  | { readonly value: unknown; readonly text: string; readonly error?: undefined }
  | { readonly error: TaskResult };

function decodePayload(payload: unknown): DecodedPayload {
  if (payload === undefined || payload === null) return { value: {}, text: "{}" };
  if (typeof payload !== "string") return { value: payload, text: toJsonText(payload) };
  try {
    return { value: JSON.parse(payload), text: payload };
  } catch {
    return {
      error: lambdaServiceFailure(
        "InvalidRequestContentException",
        "Could not parse request body into json: Could not parse payload into json",
        400,
      ),
    };
  }
}

function compactJson(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
