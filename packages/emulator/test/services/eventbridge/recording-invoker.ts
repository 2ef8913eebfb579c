import type {
  FunctionInvocation,
  FunctionInvoker,
  FunctionOutcome,
} from "../../../src/services/function-invoker.js";

/** A function invoker that records invocations and answers with `outcome` (success by default). */
export class RecordingInvoker implements FunctionInvoker {
  readonly invocations: FunctionInvocation[] = [];
  outcome: () => FunctionOutcome = () => ({ ok: true, payload: null });

  async invoke(request: FunctionInvocation): Promise<FunctionOutcome> {
    this.invocations.push(request);
    return this.outcome();
  }

  payloads(): unknown[] {
    return this.invocations.map((invocation) => invocation.payload);
  }

  /** Makes the next `times` invocations throttled, as Lambda refuses them without capacity. */
  throttle(times = Number.POSITIVE_INFINITY): void {
    let left = times;
    this.outcome = () =>
      left-- > 0
        ? {
            ok: false,
            kind: "throttled",
            error: { errorType: "TooManyRequestsException", errorMessage: "Rate Exceeded." },
          }
        : { ok: true, payload: null };
  }
}
