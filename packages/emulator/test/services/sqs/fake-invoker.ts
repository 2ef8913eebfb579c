import type { SQSEvent } from "aws-lambda";
import type {
  FunctionInvocation,
  FunctionInvoker,
  FunctionOutcome,
} from "../../../src/services/function-invoker.js";
import type { LambdaSqsRecord } from "../../../src/services/sqs/index.js";

export interface SqsInvocation extends FunctionInvocation {
  readonly records: readonly LambdaSqsRecord[];
}

type Respond = (
  records: readonly LambdaSqsRecord[],
  call: number,
) => FunctionOutcome | Promise<FunctionOutcome>;

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

/** A function that records its invocations and answers as the test says. */
export class FakeInvoker implements FunctionInvoker {
  readonly calls: SqsInvocation[] = [];
  /** Invocations running now, and the most that ever ran at once. */
  running = 0;
  maxRunning = 0;
  respond: Respond;

  constructor(respond: Respond = () => succeed()) {
    this.respond = respond;
  }

  async invoke(request: FunctionInvocation): Promise<FunctionOutcome> {
    const records = (request.payload as SQSEvent).Records as unknown as LambdaSqsRecord[];
    this.calls.push({ ...request, records });
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      return await this.respond(records, this.calls.length);
    } finally {
      this.running--;
    }
  }

  /** The bodies of each invocation, in order. */
  batches(): string[][] {
    return this.calls.map((call) => call.records.map((record) => record.body));
  }
}
