export {
  AppLoadError,
  HostClosedError,
  type ThrottleReason,
  TooManyRequestsError,
} from "./errors.js";
export {
  FunctionHost,
  type FunctionHostEvents,
  type ReloadedEvent,
  type ReloadFailedEvent,
  type ReloadOutcome,
} from "./function-host.js";
export {
  type AppManifest,
  DEFAULT_CONCURRENCY,
  DEFAULT_DEBOUNCE_MS,
  DEFAULT_INSPECTOR,
  type FunctionHostOptions,
  hostOptionsFromStage,
  type StageHostOptions,
} from "./host-options.js";
export type { InvocationResult, InvokeInput } from "./invocation.js";
export {
  FUNCTION_VERSION,
  type FunctionIdentity,
  functionArn,
  logGroupName,
} from "./lambda-environment.js";
export { exitError, type LambdaError, timeoutError } from "./lambda-error.js";
export { LOG_LEVELS, type LogLevel, type LogLine } from "./log-line.js";
export type { InspectorSettings } from "./protocol.js";
export { runtimeMismatchWarning, runtimeNodeMajor } from "./runtime-version.js";
