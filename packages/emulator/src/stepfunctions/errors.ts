import { DomovoiError } from "@domovoi/runtime";

/** The error names Step Functions itself raises, and the wildcards Retry and Catch accept. */
export const StatesErrorName = {
  All: "States.ALL",
  TaskFailed: "States.TaskFailed",
  Timeout: "States.Timeout",
  HeartbeatTimeout: "States.HeartbeatTimeout",
  Runtime: "States.Runtime",
  DataLimitExceeded: "States.DataLimitExceeded",
  NoChoiceMatched: "States.NoChoiceMatched",
  IntrinsicFailure: "States.IntrinsicFailure",
  QueryEvaluationError: "States.QueryEvaluationError",
  ExceedToleratedFailureThreshold: "States.ExceedToleratedFailureThreshold",
  ItemReaderFailed: "States.ItemReaderFailed",
} as const;

/**
 * A failure inside an execution: what a Catch sees as `Error` and `Cause`, and what an execution
 * that nothing catches ends with. `error` is undefined for a Fail state without one.
 */
export class StatesError extends DomovoiError {
  readonly error: string | undefined;
  /** AWS's cause text (this shadows `Error.cause`, which Step Functions errors never chain). */
  override readonly cause: string | undefined;
  /**
   * A `States.Runtime` failure of the interpreter's own processing: no Retry or Catch handles
   * it, not even one naming `States.Runtime`; it always fails the execution.
   */
  readonly terminal: boolean;

  constructor(error: string | undefined, cause?: string, terminal = false) {
    super(cause === undefined ? String(error) : `${String(error)}: ${cause}`);
    this.error = error;
    this.cause = cause;
    this.terminal = terminal;
  }
}

/**
 * A failure of a state's own processing (a path that matches nothing, a JSONata expression with
 * the wrong result). AWS prefixes its cause with the state and the event that entered it, which
 * the evaluators do not know; the state runner adds them.
 */
export class StateEvaluationError extends StatesError {
  readonly detail: string;

  constructor(error: string, detail: string) {
    super(error, detail, error === StatesErrorName.Runtime);
    this.detail = detail;
  }

  locatedIn(stateName: string, enteredEventId: number): StatesError {
    return new StatesError(
      this.error,
      `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${this.detail}`,
      this.terminal,
    );
  }
}

/** A `States.Runtime` failure of the state being executed. */
export function runtimeError(detail: string): StateEvaluationError {
  return new StateEvaluationError(StatesErrorName.Runtime, detail);
}

/** A `States.QueryEvaluationError` failure of the state being executed (JSONata states). */
export function queryEvaluationError(detail: string): StateEvaluationError {
  return new StateEvaluationError(StatesErrorName.QueryEvaluationError, detail);
}

/** The `{ Error, Cause }` object a Catch passes on (`$states.errorOutput` in JSONata). */
export function errorOutput(error: StatesError): Record<string, string> {
  return {
    ...(error.error !== undefined && { Error: error.error }),
    ...(error.cause !== undefined && { Cause: error.cause }),
  };
}

/** Thrown through a branch that stops because the execution, or a sibling branch, ended it. */
export class ExecutionAbortedError extends DomovoiError {
  constructor() {
    super("The execution was stopped.");
  }
}
