export type { DefinitionProblem, DefinitionValidation } from "./definition/validate-definition.js";
export { validateDefinition } from "./definition/validate-definition.js";
export { StatesError, StatesErrorName } from "./errors.js";
export {
  Execution,
  type ExecutionResult,
  type ExecutionStatus,
  type StartExecutionOptions,
} from "./execution.js";
export {
  type HistoryEvent,
  type HistoryEventDetails,
  HistoryEventType,
  type HistoryEventTypeName,
  type StateType,
} from "./history/history-event.js";
export type { EventListener } from "./history/history-recorder.js";
export type { Randomness } from "./randomness.js";
export type { ExecutionIdentity, ExecutionType } from "./runtime/execution-core.js";
export { StateMachine } from "./state-machine.js";
export {
  lambdaFunctionError,
  lambdaFunctionNotFound,
  lambdaServiceFailure,
} from "./tasks/lambda-failures.js";
export type { S3ItemSource, S3ObjectSummary } from "./tasks/s3-item-source.js";
export type {
  LambdaTaskRequest,
  ServiceTaskRequest,
  TaskFailure,
  TaskInvoker,
  TaskRequest,
  TaskResult,
  TaskSuccess,
} from "./tasks/task-invoker.js";
export { TaskTokenRegistry, type TaskTokenWaiter } from "./tasks/task-tokens.js";
