import type { JsonValue } from "@domovoi/runtime";
import type { InvocationResult } from "../host/index.js";
import type { RecordedOutcome } from "./format.js";

/** What an invocation answered, in the recording format. */
export function outcomeOf(result: InvocationResult): RecordedOutcome {
  if (result.status === "success") {
    return { status: "success", result: JSON.parse(result.payload) as JsonValue };
  }
  // A failed result always carries its error document.
  const { errorType, errorMessage, trace } = result.error!;
  return {
    status: result.status,
    error: trace ? { errorType, errorMessage, trace } : { errorType, errorMessage },
  };
}

/** A replay that could not run at all (a throttle, an alias the code no longer has) fails so. */
export function failedOutcome(error: unknown): RecordedOutcome {
  const { code, name, message } = (error ?? {}) as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
  };
  return {
    status: "error",
    error: {
      errorType: typeof code === "string" ? code : typeof name === "string" ? name : "Error",
      errorMessage: typeof message === "string" ? message : String(error),
    },
  };
}
