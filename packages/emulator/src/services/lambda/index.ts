export { ASYNC_RETRY_DELAYS_MS } from "./async-invocations.js";
export { type DeadLetteredEvent, DeadLetterLog, type DeadLetterSink } from "./dead-letters.js";
export {
  LambdaFunction,
  type LambdaFunctionEvents,
  type LambdaFunctionOptions,
  type LambdaInvocation,
} from "./lambda-function.js";
export { createFunctionInvoker } from "./lambda-invoker.js";
export { createLambdaService, INVOKE_API_TRIGGER } from "./lambda-service.js";
export { ASYNC_REQUEST_LIMIT, RESPONSE_LIMIT, SYNC_REQUEST_LIMIT } from "./payload-limits.js";
