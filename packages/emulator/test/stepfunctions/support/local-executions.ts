import { VirtualClock } from "../../../src/clock/index.js";
import {
  type Execution,
  type ExecutionIdentity,
  type StartExecutionOptions,
  StateMachine,
  type TaskInvoker,
  type TaskRequest,
  type TaskResult,
} from "../../../src/stepfunctions/index.js";

export const IDENTITY: ExecutionIdentity = {
  executionArn: "arn:aws:states:us-east-1:123456789012:execution:machine:run-1",
  name: "run-1",
  stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:machine",
  stateMachineName: "machine",
  roleArn: "arn:aws:iam::123456789012:role/states",
};

/** A task's local behaviour: its result, or a thrown `{ error, cause }` failure. */
export type LocalHandler = (payload: unknown, request: TaskRequest) => unknown;

/** An invoker running local functions by function name (Lambda) or resource (services). */
export function localInvoker(handlers: Readonly<Record<string, LocalHandler>>): TaskInvoker & {
  readonly requests: TaskRequest[];
} {
  const requests: TaskRequest[] = [];
  return {
    requests,
    async invoke(request): Promise<TaskResult> {
      requests.push(request);
      const key = request.kind === "lambda" ? request.functionName : request.resource;
      const handler = handlers[key];
      if (!handler) return { ok: false, error: "Local.NoHandler", cause: key };
      try {
        const payload = request.kind === "lambda" ? request.payload : request.parameters;
        return { ok: true, output: await handler(payload, request) };
      } catch (thrown) {
        const { error, cause } = thrown as { error: string; cause?: string };
        return { ok: false, error, ...(cause !== undefined && { cause }) };
      }
    },
  };
}

/** Starts an execution of `definition` on a new virtual clock. */
export function startLocal(
  definition: unknown,
  options: Partial<StartExecutionOptions> & { readonly invoker?: TaskInvoker } = {},
): { readonly execution: Execution; readonly clock: VirtualClock } {
  const clock =
    options.clock instanceof VirtualClock ? options.clock : new VirtualClock(Date.UTC(2025, 0, 1));
  const execution = StateMachine.compile(definition).start({
    ...IDENTITY,
    invoker: localInvoker({}),
    ...options,
    clock,
  });
  return { execution, clock };
}
