import { StatesError, StatesErrorName } from "../errors.js";
import { NOT_TRUNCATED } from "../history/history-event.js";
import { toJsonText } from "../json.js";
import type { StateRun } from "../runtime/state-run.js";
import type { TaskCall } from "./task-call.js";
import { withTaskTimeout } from "./task-deadlines.js";
import { acceptTaskResult, errorDetails } from "./task-outcome.js";
import type { FunctionReference } from "./task-resource.js";

/**
 * A Task whose `Resource` is a function ARN: the function receives the effective input and its
 * response is the result, recorded as `LambdaFunctionScheduled/Started/Succeeded` (or
 * `Failed`, `TimedOut`) events.
 */
export async function runLambdaFunctionTask(
  call: TaskCall,
  fn: FunctionReference,
  run: StateRun,
): Promise<unknown> {
  const { branch } = run;
  const arn = call.resource.arn;
  branch.record("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", {
    resource: arn,
    input: toJsonText(call.input),
    inputDetails: NOT_TRUNCATED,
    ...(call.timeoutSeconds !== undefined && { timeoutInSeconds: call.timeoutSeconds }),
  });
  branch.record("LambdaFunctionStarted");
  try {
    const result = await withTaskTimeout(branch, call.timeoutSeconds, (signal) =>
      branch.core.services.invoker.invoke({
        kind: "lambda",
        resource: arn,
        stateName: run.name,
        executionArn: branch.core.identity.executionArn,
        signal,
        functionArn: fn.arn,
        functionName: fn.name,
        ...(fn.qualifier !== undefined && { qualifier: fn.qualifier }),
        payload: call.input,
        payloadText: toJsonText(call.input),
      }),
    );
    const { output } = acceptTaskResult(result, arn);
    branch.record("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails", {
      output: toJsonText(output),
      outputDetails: NOT_TRUNCATED,
    });
    return output;
  } catch (error) {
    if (error instanceof StatesError) {
      const timedOut = error.error === StatesErrorName.Timeout;
      branch.record(
        timedOut ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed",
        timedOut ? "lambdaFunctionTimedOutEventDetails" : "lambdaFunctionFailedEventDetails",
        errorDetails(error),
      );
    }
    throw error;
  }
}
