/**
 * Execution history events with the types and detail fields of Step Functions'
 * `GetExecutionHistory` (inputs and outputs are JSON text, as AWS returns them).
 */
export const HistoryEventType = {
  ExecutionStarted: "ExecutionStarted",
  ExecutionSucceeded: "ExecutionSucceeded",
  ExecutionFailed: "ExecutionFailed",
  ExecutionAborted: "ExecutionAborted",
  ExecutionTimedOut: "ExecutionTimedOut",
  LambdaFunctionScheduled: "LambdaFunctionScheduled",
  LambdaFunctionStarted: "LambdaFunctionStarted",
  LambdaFunctionSucceeded: "LambdaFunctionSucceeded",
  LambdaFunctionFailed: "LambdaFunctionFailed",
  LambdaFunctionTimedOut: "LambdaFunctionTimedOut",
  TaskScheduled: "TaskScheduled",
  TaskStarted: "TaskStarted",
  TaskSubmitted: "TaskSubmitted",
  TaskSucceeded: "TaskSucceeded",
  TaskFailed: "TaskFailed",
  TaskTimedOut: "TaskTimedOut",
  MapStateStarted: "MapStateStarted",
  MapStateSucceeded: "MapStateSucceeded",
  MapStateFailed: "MapStateFailed",
  MapStateAborted: "MapStateAborted",
  MapIterationStarted: "MapIterationStarted",
  MapIterationSucceeded: "MapIterationSucceeded",
  MapIterationFailed: "MapIterationFailed",
  MapIterationAborted: "MapIterationAborted",
  ParallelStateStarted: "ParallelStateStarted",
  ParallelStateSucceeded: "ParallelStateSucceeded",
  ParallelStateFailed: "ParallelStateFailed",
  ParallelStateAborted: "ParallelStateAborted",
} as const;

/** The state types, whose `<Type>StateEntered` / `<Type>StateExited` events mark each visit. */
export type StateType =
  | "Pass"
  | "Task"
  | "Choice"
  | "Wait"
  | "Succeed"
  | "Fail"
  | "Parallel"
  | "Map";

export type HistoryEventTypeName =
  | (typeof HistoryEventType)[keyof typeof HistoryEventType]
  | `${StateType}StateEntered`
  | `${StateType}StateExited`;

export interface DataDetails {
  readonly truncated: boolean;
}

export interface ErrorDetails {
  readonly error?: string;
  readonly cause?: string;
}

export interface TaskResourceDetails {
  readonly resourceType: string;
  readonly resource: string;
}

export interface HistoryEventDetails {
  readonly executionStartedEventDetails: {
    readonly input: string;
    readonly inputDetails: DataDetails;
    readonly roleArn: string;
  };
  readonly executionSucceededEventDetails: {
    readonly output: string;
    readonly outputDetails: DataDetails;
  };
  readonly executionFailedEventDetails: ErrorDetails;
  readonly executionAbortedEventDetails: ErrorDetails;
  readonly executionTimedOutEventDetails: ErrorDetails;
  readonly stateEnteredEventDetails: {
    readonly name: string;
    readonly input: string;
    readonly inputDetails: DataDetails;
  };
  readonly stateExitedEventDetails: {
    readonly name: string;
    readonly output: string;
    readonly outputDetails: DataDetails;
    readonly assignedVariables?: Readonly<Record<string, string>>;
    readonly assignedVariablesDetails?: DataDetails;
  };
  readonly lambdaFunctionScheduledEventDetails: {
    readonly resource: string;
    readonly input: string;
    readonly inputDetails: DataDetails;
    readonly timeoutInSeconds?: number;
  };
  readonly lambdaFunctionSucceededEventDetails: {
    readonly output: string;
    readonly outputDetails: DataDetails;
  };
  readonly lambdaFunctionFailedEventDetails: ErrorDetails;
  readonly lambdaFunctionTimedOutEventDetails: ErrorDetails;
  readonly taskScheduledEventDetails: TaskResourceDetails & {
    readonly region: string;
    readonly parameters: string;
    readonly timeoutInSeconds?: number;
    readonly heartbeatInSeconds?: number;
  };
  readonly taskStartedEventDetails: TaskResourceDetails;
  readonly taskSubmittedEventDetails: TaskResourceDetails & {
    readonly output: string;
    readonly outputDetails: DataDetails;
  };
  readonly taskSucceededEventDetails: TaskResourceDetails & {
    readonly output: string;
    readonly outputDetails: DataDetails;
  };
  readonly taskFailedEventDetails: TaskResourceDetails & ErrorDetails;
  readonly taskTimedOutEventDetails: TaskResourceDetails & ErrorDetails;
  readonly mapStateStartedEventDetails: { readonly length: number };
  readonly mapIterationStartedEventDetails: MapIterationDetails;
  readonly mapIterationSucceededEventDetails: MapIterationDetails;
  readonly mapIterationFailedEventDetails: MapIterationDetails;
  readonly mapIterationAbortedEventDetails: MapIterationDetails;
}

export interface MapIterationDetails {
  readonly name: string;
  readonly index: number;
}

export type HistoryEvent = {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: Date;
  readonly type: HistoryEventTypeName;
} & Partial<HistoryEventDetails>;

/** Events carry whole payloads: the emulator never truncates them as AWS does past 256 KiB. */
export const NOT_TRUNCATED: DataDetails = Object.freeze({ truncated: false });
