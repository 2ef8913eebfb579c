import type { JsonValue } from "@domovoi/runtime";
import type { InvocationResult } from "../../host/index.js";

/** 6 MiB: the request body of a synchronous invocation. */
export const SYNC_REQUEST_LIMIT = 6 * 1024 * 1024;
/** A response may be 100 bytes longer than a request, as Lambda measures it. */
export const RESPONSE_LIMIT = SYNC_REQUEST_LIMIT + 100;
/** 1 MiB: an asynchronous invocation's event (256 KiB until October 2025). */
export const ASYNC_REQUEST_LIMIT = 1024 * 1024;

/** A request's event, checked as Lambda checks it before running anything. */
export interface CheckedPayload {
  /** The JSON text the function receives; an empty body is `{}`. */
  readonly text: string;
  readonly event: JsonValue;
}

/**
 * The event of a request: at most `limit` bytes of JSON.
 * @throws what `tooLarge` builds when the payload exceeds the limit, `invalidJson` when it is not
 * JSON.
 */
export function checkPayload(
  payload: string | Uint8Array | undefined,
  limit: number,
  errors: {
    readonly tooLarge: (size: number) => Error;
    readonly invalidJson: (reason: string) => Error;
  },
): CheckedPayload {
  const size = typeof payload === "string" ? Buffer.byteLength(payload) : (payload?.length ?? 0);
  if (size > limit) throw errors.tooLarge(size);
  const text =
    size === 0 ? "{}" : typeof payload === "string" ? payload : Buffer.from(payload!).toString();
  try {
    return { text, event: JSON.parse(text) as JsonValue };
  } catch (error) {
    throw errors.invalidJson((error as Error).message);
  }
}

/**
 * A result whose response is over Lambda's limit becomes the error Lambda reports instead of it:
 * the function ran, but its response cannot be delivered.
 */
export function withinResponseLimit(result: InvocationResult): InvocationResult {
  if (Buffer.byteLength(result.payload) <= RESPONSE_LIMIT) return result;
  const error = {
    errorType: "Function.ResponseSizeTooLarge",
    errorMessage: `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT} bytes).`,
  };
  return { ...result, status: "error", payload: JSON.stringify(error), error };
}
