import type { Clock, Timer } from "../clock/clock.js";
import { ExecutionAbortedError, StatesError, StatesErrorName } from "./errors.js";
import { type HistoryEvent, NOT_TRUNCATED } from "./history/history-event.js";
import { type EventListener, HistoryRecorder } from "./history/history-recorder.js";
import { toJsonText } from "./json.js";
import { type Randomness, systemRandomness } from "./randomness.js";
import { Branch } from "./runtime/branch.js";
import { ExecutionCore, type ExecutionIdentity } from "./runtime/execution-core.js";
import type { StateProgram } from "./runtime/state-program.js";
import { VariableScope } from "./runtime/variable-scope.js";
import type { S3ItemSource } from "./tasks/s3-item-source.js";
import type { TaskInvoker } from "./tasks/task-invoker.js";
import { errorDetails } from "./tasks/task-outcome.js";
import { TaskTokenRegistry } from "./tasks/task-tokens.js";

export interface StartExecutionOptions extends ExecutionIdentity {
  /** The execution's input, a JSON value (default `{}`); it is copied, never shared. */
  readonly input?: unknown;
  /** Wait states, retries and timeouts run on this clock. */
  readonly clock: Clock;
  readonly invoker: TaskInvoker;
  /** Where distributed Maps read `ItemReader` items (the emulated S3). */
  readonly s3ItemSource?: S3ItemSource;
  /** Share one registry between executions so that task tokens reach any of them. */
  readonly taskTokens?: TaskTokenRegistry;
  readonly randomness?: Randomness;
  /** Keep the events in `history` (default true); ids advance either way. */
  readonly recordHistory?: boolean;
  /** Called with each event as it is recorded. */
  readonly onEvent?: EventListener;
}

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

export type ExecutionResult =
  | { readonly status: "SUCCEEDED"; readonly output: unknown }
  | {
      readonly status: "FAILED" | "TIMED_OUT" | "ABORTED";
      readonly error?: string;
      readonly cause?: string;
    };

/** How an execution ends from outside: `StopExecution`, or its `TimeoutSeconds` running out. */
interface ExecutionEnding {
  readonly status: "TIMED_OUT" | "ABORTED";
  readonly error?: string;
  readonly cause?: string;
}

/**
 * A running (then finished) execution of a state machine. It starts as soon as it is created;
 * `result` settles when it ends, `history` grows as it runs, `stop` aborts it, and the `sendTask*`
 * methods complete its callback tasks.
 */
export class Execution {
  readonly identity: ExecutionIdentity;
  readonly startDate: Date;
  readonly result: Promise<ExecutionResult>;
  readonly #recorder: HistoryRecorder;
  readonly #taskTokens: TaskTokenRegistry;
  readonly #controller = new AbortController();
  readonly #lane = { last: 0 };
  #status: ExecutionStatus = "RUNNING";
  #ending: ExecutionEnding | undefined;

  constructor(
    program: StateProgram,
    timeoutSeconds: number | undefined,
    options: StartExecutionOptions,
  ) {
    const { clock, executionArn, name, stateMachineArn, stateMachineName, roleArn } = options;
    this.identity = {
      executionArn,
      name,
      stateMachineArn,
      stateMachineName,
      roleArn,
      type: options.type ?? "STANDARD",
    };
    this.startDate = new Date(clock.now());
    this.#recorder = new HistoryRecorder(clock, options.recordHistory ?? true, options.onEvent);
    this.#taskTokens = options.taskTokens ?? new TaskTokenRegistry();
    const input = JSON.parse(toJsonText(options.input ?? {}));
    const core = new ExecutionCore(
      this.identity,
      {
        clock,
        invoker: options.invoker,
        randomness: options.randomness ?? systemRandomness,
        taskTokens: this.#taskTokens,
        history: this.#recorder,
        ...(options.s3ItemSource && { s3: options.s3ItemSource }),
      },
      input,
    );
    this.#recorder.record(this.#lane, "ExecutionStarted", "executionStartedEventDetails", {
      input: toJsonText(input),
      inputDetails: NOT_TRUNCATED,
      roleArn: options.roleArn,
    });
    // ExecutionStarted does not chain: AWS gives the first state's event previousEventId 0.
    this.#lane.last = 0;
    const branch = new Branch(core, VariableScope.root(), this.#lane, this.#controller.signal);
    const timer = this.#armTimeout(clock, timeoutSeconds);
    this.result = this.#run(program, input, branch).finally(() => timer?.cancel());
  }

  get status(): ExecutionStatus {
    return this.#status;
  }

  get history(): readonly HistoryEvent[] {
    return this.#recorder.events;
  }

  /** Aborts a running execution (`StopExecution`); false when it had already ended. */
  stop(error?: string, cause?: string): boolean {
    return this.#end({
      status: "ABORTED",
      ...(error !== undefined && { error }),
      ...(cause !== undefined && { cause }),
    });
  }

  sendTaskSuccess(token: string, output: unknown): boolean {
    return this.#taskTokens.sendTaskSuccess(token, output);
  }

  sendTaskFailure(token: string, error?: string, cause?: string): boolean {
    return this.#taskTokens.sendTaskFailure(token, error, cause);
  }

  sendTaskHeartbeat(token: string): boolean {
    return this.#taskTokens.sendTaskHeartbeat(token);
  }

  async #run(program: StateProgram, input: unknown, branch: Branch): Promise<ExecutionResult> {
    let result: ExecutionResult;
    try {
      const output = await program.run(input, branch);
      result = this.#ending ?? { status: "SUCCEEDED", output };
    } catch (error) {
      result = this.#ending ?? failure(error);
    }
    this.#status = result.status;
    this.#recordEnd(result);
    return result;
  }

  #armTimeout(clock: Clock, timeoutSeconds: number | undefined): Timer | undefined {
    if (timeoutSeconds === undefined) return undefined;
    return clock.setTimeout(
      () => this.#end({ status: "TIMED_OUT", error: StatesErrorName.Timeout }),
      timeoutSeconds * 1000,
    );
  }

  #end(ending: ExecutionEnding): boolean {
    if (this.#status !== "RUNNING" || this.#ending) return false;
    this.#ending = ending;
    this.#controller.abort(new ExecutionAbortedError());
    return true;
  }

  #recordEnd(result: ExecutionResult): void {
    const lane = this.#lane;
    if (result.status === "SUCCEEDED") {
      this.#recorder.record(lane, "ExecutionSucceeded", "executionSucceededEventDetails", {
        output: toJsonText(result.output),
        outputDetails: NOT_TRUNCATED,
      });
      return;
    }
    const details = errorDetails(new StatesError(result.error, result.cause));
    if (result.status === "FAILED") {
      this.#recorder.record(lane, "ExecutionFailed", "executionFailedEventDetails", details);
    } else if (result.status === "TIMED_OUT") {
      this.#recorder.record(lane, "ExecutionTimedOut", "executionTimedOutEventDetails", details);
    } else {
      this.#recorder.record(lane, "ExecutionAborted", "executionAbortedEventDetails", details);
    }
  }
}

/** How an error that nothing caught ends the execution; an empty cause is not reported. */
function failure(error: unknown): ExecutionResult {
  if (error instanceof StatesError) {
    return {
      status: "FAILED",
      ...(error.error !== undefined && { error: error.error }),
      ...(error.cause !== undefined && error.cause !== "" && { cause: error.cause }),
    };
  }
  // A defect of the interpreter must not hang the execution: it fails like a runtime error.
  return {
    status: "FAILED",
    error: StatesErrorName.Runtime,
    cause: error instanceof Error ? error.message : String(error),
  };
}
