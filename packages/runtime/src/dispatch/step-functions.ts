import type { Context } from "aws-lambda";
import { NoHandlerError } from "../errors.js";
import { afterNthColon } from "../sources/arn.js";
import type { Invocation } from "./invocation.js";
import type { Route } from "./outcomes.js";

const TASK_ALIAS = /^dv-/;

/**
 * A Step Functions task is recognised by the alias it invoked (the qualifier of
 * `invokedFunctionArn`), never by its input, which is the user's data and could imitate any
 * event. The handler gets the input unchanged and `context.stepFunctionsTaskName`.
 */
export function taskRoute(event: unknown, invocation: Invocation): Route | undefined {
  const alias = qualifierOf(invocation.lambdaContext);
  if (alias === undefined) return undefined;
  const tasks = invocation.registry.byKey["step-functions-task"];
  const task = tasks.get(alias);
  if (task) return () => invocation.run(task, event, task.manifest.options.stateName);
  if (TASK_ALIAS.test(alias)) {
    // An alias of Domovoi's own making that this version of the app no longer has.
    throw new NoHandlerError("step-functions-task", alias, [...tasks.keys()]);
  }
  return undefined;
}

/** `arn:aws:lambda:<region>:<account>:function:<name>:<qualifier>` has eight parts. */
export function qualifierOf(context: Context | undefined): string | undefined {
  const arn = context?.invokedFunctionArn;
  if (typeof arn !== "string") return undefined;
  return afterNthColon(arn, 7)?.split(":", 1)[0];
}
