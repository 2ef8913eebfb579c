import { StatesError, StatesErrorName } from "../errors.js";
import { NOT_TRUNCATED, type TaskResourceDetails } from "../history/history-event.js";
import { toJsonText } from "../json.js";
import type { StateRun } from "../runtime/state-run.js";
import { invokeLambdaIntegration, lambdaIntegrationResult } from "./lambda-invoke.js";
import type { TaskCall } from "./task-call.js";
import { waitForTaskToken, withTaskTimeout } from "./task-deadlines.js";
import type { TaskResult } from "./task-invoker.js";
import { acceptTaskResult, errorDetails } from "./task-outcome.js";
import type { TaskResource } from "./task-resource.js";

type ServiceResource = Extract<TaskResource, { kind: "service" }>;

/**
 * A Task on an integration (`arn:aws:states:::lambda:invoke`, `...:sqs:sendMessage`...),
 * recorded as `TaskScheduled/Started/Succeeded` (or `Failed`, `TimedOut`) events. A
 * `.waitForTaskToken` task submits its call, then waits for its token to come back.
 */
export async function runServiceTask(
  call: TaskCall,
  resource: ServiceResource,
  run: StateRun,
): Promise<unknown> {
  const { branch } = run;
  const details: TaskResourceDetails = {
    resourceType: resource.service,
    resource: resource.action,
  };
  branch.record("TaskScheduled", "taskScheduledEventDetails", {
    ...details,
    region: branch.core.region,
    parameters: toJsonText(call.input),
    ...(call.timeoutSeconds !== undefined && { timeoutInSeconds: call.timeoutSeconds }),
    ...(call.heartbeatSeconds !== undefined && { heartbeatInSeconds: call.heartbeatSeconds }),
  });
  branch.record("TaskStarted", "taskStartedEventDetails", details);
  try {
    const output = await withTaskTimeout(branch, call.timeoutSeconds, async (signal) => {
      const response = await callIntegration(call, resource, run, signal);
      if (!resource.waitForTaskToken) return response;
      branch.record("TaskSubmitted", "taskSubmittedEventDetails", {
        ...details,
        output: toJsonText(response),
        outputDetails: NOT_TRUNCATED,
      });
      return waitForTaskToken(branch, run.taskToken!, call.heartbeatSeconds, signal);
    });
    branch.record("TaskSucceeded", "taskSucceededEventDetails", {
      ...details,
      output: toJsonText(output),
      outputDetails: NOT_TRUNCATED,
    });
    return output;
  } catch (error) {
    if (error instanceof StatesError) {
      const timedOut =
        error.error === StatesErrorName.Timeout || error.error === StatesErrorName.HeartbeatTimeout;
      branch.record(
        timedOut ? "TaskTimedOut" : "TaskFailed",
        timedOut ? "taskTimedOutEventDetails" : "taskFailedEventDetails",
        { ...details, ...errorDetails(error) },
      );
    }
    throw error;
  }
}

async function callIntegration(
  call: TaskCall,
  resource: ServiceResource,
  run: StateRun,
  signal: AbortSignal,
): Promise<unknown> {
  const base = {
    resource: resource.arn,
    stateName: run.name,
    executionArn: run.branch.core.identity.executionArn,
    signal,
    ...(run.taskToken !== undefined && { taskToken: run.taskToken }),
  };
  const isLambda = resource.service === "lambda" && resource.action.startsWith("invoke");
  const result: TaskResult = isLambda
    ? await invokeLambdaIntegration(call.input, base, run)
    : await run.branch.core.services.invoker.invoke({
        ...base,
        kind: "service",
        parameters: call.input,
      });
  const accepted = acceptTaskResult(result, resource.service);
  return isLambda ? lambdaIntegrationResult(accepted, call.input, run) : accepted.output;
}
