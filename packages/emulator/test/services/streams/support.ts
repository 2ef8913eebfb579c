import type {
  FunctionInvocation,
  FunctionInvoker,
  FunctionOutcome,
} from "../../../src/services/function-invoker.js";

export const START = Date.parse("2024-05-01T12:00:00.000Z");
export const FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:bartender-dev";

export const succeed = (payload: unknown = null): FunctionOutcome => ({ ok: true, payload });
export const fail = (errorMessage = "boom"): FunctionOutcome => ({
  ok: false,
  kind: "function",
  error: { errorType: "Error", errorMessage },
});
export const throttle = (): FunctionOutcome => ({
  ok: false,
  kind: "throttled",
  error: { errorType: "TooManyRequestsException", errorMessage: "Rate Exceeded." },
});

type Respond<L> = (records: readonly L[], call: number) => FunctionOutcome;

/** A function that records the records of each invocation and answers as the test says. */
export class RecordingFunction<L> implements FunctionInvoker {
  readonly calls: { readonly request: FunctionInvocation; readonly records: readonly L[] }[] = [];
  respond: Respond<L>;

  constructor(respond: Respond<L> = () => succeed()) {
    this.respond = respond;
  }

  async invoke(request: FunctionInvocation): Promise<FunctionOutcome> {
    const records = (request.payload as { Records: L[] }).Records;
    this.calls.push({ request, records });
    return this.respond(records, this.calls.length);
  }

  /** The records of every invocation, in order. */
  batches<T>(pick: (record: L) => T): T[][] {
    return this.calls.map((call) => call.records.map(pick));
  }
}

/** Resolves once `condition` holds, checking every few real milliseconds. */
export async function until(condition: () => boolean, what = "condition"): Promise<void> {
  const deadline = Date.now() + 4000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Lets promise chains and pending macrotasks settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** What a call failed with, as the SDK reports it. */
export async function failureOf(call: Promise<unknown>) {
  const error = await call.then(
    () => {
      throw new Error("Expected the call to fail.");
    },
    (failure: unknown) =>
      failure as { name: string; message: string; $metadata?: { httpStatusCode?: number } },
  );
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
}
