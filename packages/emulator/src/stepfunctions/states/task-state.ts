import { JsonataIo } from "../io/jsonata-io.js";
import { JsonPathIo } from "../io/jsonpath-io.js";
import { CatchPolicy } from "../runtime/catch-policy.js";
import { type ErrorHandling, withRetryAndCatch } from "../runtime/recovery.js";
import { RetryPolicy } from "../runtime/retry-policy.js";
import type { CompiledState, StateStep } from "../runtime/state-program.js";
import type { StateRun } from "../runtime/state-run.js";
import { runTaskCall } from "../tasks/task-call.js";
import { parseTaskResource, type TaskResource } from "../tasks/task-resource.js";
import { TaskTokenRegistry } from "../tasks/task-tokens.js";
import { nextState, type StateSource } from "./state-source.js";
import { compileSecondsField, type SecondsField } from "./task-timeouts.js";

/**
 * Task: shapes its input (InputPath and Parameters, or Arguments), runs the resource through
 * the execution's invoker under `TimeoutSeconds`, shapes the result, all under Retry and Catch.
 */
export function compileTaskState(source: StateSource): CompiledState {
  const { name, reader, where, language } = source;
  const resource = parseTaskResource(reader.requiredString("Resource"), where);
  const handling: ErrorHandling = {
    retry: new RetryPolicy(reader.array("Retry"), where),
    catch: new CatchPolicy(reader.array("Catch"), language, where),
  };
  const timeout = compileSecondsField(source, "TimeoutSeconds");
  const heartbeat = compileSecondsField(source, "HeartbeatSeconds");
  const next = nextState(source);
  const attempt = language === "JSONata" ? jsonataAttempt(source) : jsonPathAttempt(source);
  return {
    name,
    type: "Task",
    execute: (input, run) =>
      withRetryAndCatch(handling, input, run, async () => {
        if (resource.kind === "service" && resource.waitForTaskToken) {
          run.taskToken = TaskTokenRegistry.newToken();
        }
        return { ...(await attempt(input, run, { resource, timeout, heartbeat })), next };
      }),
  };
}

interface TaskFields {
  readonly resource: TaskResource;
  readonly timeout: SecondsField;
  readonly heartbeat: SecondsField;
}

type Attempt = (
  input: unknown,
  run: StateRun,
  fields: TaskFields,
) => Promise<Omit<StateStep, "next">>;

function jsonPathAttempt(source: StateSource): Attempt {
  const io = new JsonPathIo(source.reader.definition);
  return async (input, run, { resource, timeout, heartbeat }) => {
    const effective = io.effectiveInput(input, run);
    const parameters = io.parameters(effective, run);
    const timeoutSeconds = await timeout(effective, run);
    const heartbeatSeconds = await heartbeat(effective, run);
    const result = await runTaskCall(
      { resource, input: parameters, timeoutSeconds, heartbeatSeconds },
      run,
    );
    const selected = io.selectResult(result, run);
    const assigned = io.assignments(selected, run);
    return { output: io.output(input, selected, run), ...(assigned && { assigned }) };
  };
}

function jsonataAttempt(source: StateSource): Attempt {
  const io = new JsonataIo(source.reader.definition);
  return async (input, run, { resource, timeout, heartbeat }) => {
    const args = await io.arguments(input, run);
    const timeoutSeconds = await timeout(input, run);
    const heartbeatSeconds = await heartbeat(input, run);
    const result = await runTaskCall(
      { resource, input: args, timeoutSeconds, heartbeatSeconds },
      run,
    );
    return io.finish({ input, result }, run);
  };
}
