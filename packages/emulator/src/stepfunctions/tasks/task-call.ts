import type { StateRun } from "../runtime/state-run.js";
import { runLambdaFunctionTask } from "./lambda-function-task.js";
import { runServiceTask } from "./service-task.js";
import type { TaskResource } from "./task-resource.js";

/** One attempt of a Task state's work, with everything its fields resolved to. */
export interface TaskCall {
  readonly resource: TaskResource;
  /** The effective parameters: the function's event, or the integration's parameters. */
  readonly input: unknown;
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
}

/** Runs the call through the execution's invoker and returns the task's result. */
export function runTaskCall(call: TaskCall, run: StateRun): Promise<unknown> {
  const { resource } = call;
  return resource.kind === "lambda-function"
    ? runLambdaFunctionTask(call, resource.function, run)
    : runServiceTask(call, resource, run);
}
