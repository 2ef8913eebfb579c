/**
 * How emulated services reach the app's function: event source mappings (SQS, streams) invoke
 * it synchronously and read the result; push sources (SNS, S3, EventBridge, Logs) invoke it
 * asynchronously and leave retries to Lambda. The emulator's host implements this; service
 * tests use a recording fake.
 */
export interface FunctionInvoker {
  invoke(request: FunctionInvocation): Promise<FunctionOutcome>;
}

export interface FunctionInvocation {
  readonly payload: unknown;
  /** `Event` for push sources (Lambda queues and retries them), `RequestResponse` for pollers. */
  readonly invocationType: "RequestResponse" | "Event";
  /** A version or alias (Step Functions task aliases); none means `$LATEST`. */
  readonly qualifier?: string;
  /** What caused the call, for logs and recordings (`sqs:my_queue`, `sns:bartender`). */
  readonly trigger: string;
}

export type FunctionOutcome =
  | { readonly ok: true; readonly payload: unknown }
  | {
      readonly ok: false;
      /** Lambda's error payload (`errorType`, `errorMessage`), as the function returned it. */
      readonly error: { readonly errorType: string; readonly errorMessage: string };
      /**
       * `function`: the handler failed (threw, timed out, crashed); `throttled`: Lambda refused
       * the call for lack of concurrency, which pollers retry without counting a receive.
       */
      readonly kind: "function" | "throttled";
    };
