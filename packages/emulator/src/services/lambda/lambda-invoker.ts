import { AwsServiceError } from "../errors.js";
import type { FunctionInvoker, FunctionOutcome } from "../function-invoker.js";
import { THROTTLED } from "./lambda-errors.js";
import type { LambdaFunction } from "./lambda-function.js";

/**
 * The function as the emulated services reach it. An `Event` call is accepted, like Lambda
 * accepts an event, and its retries are Lambda's business from then on; a `RequestResponse` call
 * answers with the function's result, its error, or a throttle the poller retries. Other
 * refusals (an unknown alias, an oversized event) reject, as the Invoke call would fail.
 */
export function createFunctionInvoker(lambda: LambdaFunction): FunctionInvoker {
  return {
    async invoke({ payload, invocationType, qualifier, trigger }): Promise<FunctionOutcome> {
      const request = { payload: JSON.stringify(payload), qualifier, trigger };
      if (invocationType === "Event") {
        lambda.invokeAsync(request);
        return { ok: true, payload: null };
      }
      try {
        const result = await lambda.invoke(request);
        if (result.status === "success") return { ok: true, payload: JSON.parse(result.payload) };
        // A failed result always carries its error document.
        const { errorType, errorMessage } = result.error!;
        return { ok: false, kind: "function", error: { errorType, errorMessage } };
      } catch (error) {
        if (!(error instanceof AwsServiceError) || error.code !== THROTTLED) throw error;
        return {
          ok: false,
          kind: "throttled",
          error: { errorType: THROTTLED, errorMessage: error.message },
        };
      }
    },
  };
}
