import { ParamReader } from "./params.js";

export interface StepFunctionsTaskParams {
  /** The state's input (default `{}`): a JSON value, or its JSON text (a string is always JSON text). */
  readonly input?: unknown;
}

/** Step Functions passes at most 256 KiB of state input to a task. */
const MAX_INPUT_BYTES = 256 * 1024;

/**
 * A Step Functions task receives the state's input and nothing else, so the event is that input
 * (copied through JSON, as Step Functions would). Domovoi routes tasks by the Lambda alias of the
 * invoked function ARN (`context.invokedFunctionArn`), never by the payload: the caller chooses
 * the task through the invocation's qualifier, not through this event.
 */
export function generateStepFunctionsTaskEvent(params: StepFunctionsTaskParams): unknown {
  const reader = ParamReader.of("step-functions", params, ["input"]);
  const text = reader.optionalText("input") ?? "{}";
  if (Buffer.byteLength(text) > MAX_INPUT_BYTES)
    reader.fail("input", `task input is at most ${MAX_INPUT_BYTES} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    return reader.fail("input", `expected JSON text, got ${JSON.stringify(text.slice(0, 40))}`);
  }
}
