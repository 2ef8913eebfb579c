import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { JsonValue } from "@domovoi/runtime";
import { type Clock, RealClock } from "../../clock/index.js";
import {
  type FunctionHost,
  type InvocationResult,
  TooManyRequestsError,
} from "../../host/index.js";
import { LOCAL_ACCOUNT_ID } from "../../local-account.js";
import type { RecordingEntry } from "../../recording/format.js";
import { invocationEntry } from "../../recording/invocation-entry.js";
import type { InvocationRecorder } from "../../recording/recording-writer.js";
import { AsyncInvocations, type QueuedEvent } from "./async-invocations.js";
import { type DeadLetteredEvent, DeadLetterLog, type DeadLetterSink } from "./dead-letters.js";
import type { FunctionTarget } from "./function-target.js";
import {
  asyncRequestTooLarge,
  functionNotFound,
  invalidPayloadJson,
  syncRequestTooLarge,
  tooManyRequests,
  unreachableRegion,
} from "./lambda-errors.js";
import {
  ASYNC_REQUEST_LIMIT,
  type CheckedPayload,
  checkPayload,
  SYNC_REQUEST_LIMIT,
  withinResponseLimit,
} from "./payload-limits.js";
import { checkQualifier, taskRegistration } from "./qualifiers.js";

/** One request to invoke the function. */
export interface LambdaInvocation {
  /** The event as JSON text; none or empty is `{}`, as in Lambda. */
  readonly payload?: string | Uint8Array;
  /** `$LATEST` or a Step Functions task alias; none invokes the unqualified function. */
  readonly qualifier?: string;
  /** What invoked it, for logs and recordings (`invoke-api`, `sqs:my_queue`, `schedule:foo`). */
  readonly trigger: string;
  /** The registration the caller invokes it for, when it knows (a schedule, say). */
  readonly registration?: string;
  /** `X-Amz-Client-Context`, decoded: the handler's `context.clientContext`. */
  readonly clientContext?: unknown;
}

export interface LambdaFunctionOptions {
  readonly host: FunctionHost;
  /** Times asynchronous retries and recordings. Default: real time. */
  readonly clock?: Clock;
  /** Receives one entry per invocation (per attempt of an asynchronous one). */
  readonly recorder?: InvocationRecorder;
  /** Where asynchronous events go once every attempt failed. Default: a {@link DeadLetterLog}. */
  readonly deadLetters?: DeadLetterSink;
}

export interface LambdaFunctionEvents {
  /** An invocation (an attempt of an asynchronous one) finished. */
  invoked: [{ readonly entry: RecordingEntry; readonly result: InvocationResult }];
  deadLettered: [DeadLetteredEvent];
  /** Something went wrong outside the function, such as a dead-letter sink that failed. */
  warning: [Error];
}

type Admitted = CheckedPayload & { readonly qualifier: string | undefined };

/** What a finished invocation is recorded with, besides its result. */
interface FinishedCall {
  readonly trigger: string;
  readonly registration?: string | undefined;
  readonly qualifier: string | undefined;
  readonly event: JsonValue;
  readonly time: number;
  readonly attempt?: number;
}

/**
 * The app's function as Lambda's Invoke operation sees it, free of HTTP: synchronous calls
 * (throttled at the concurrency limit), asynchronous ones (queued, retried and dead-lettered on
 * the emulator's clock) and dry runs, with Lambda's payload limits and qualifiers. Every
 * invocation is recorded. The Invoke API and the emulated services both call it.
 */
export class LambdaFunction extends EventEmitter<LambdaFunctionEvents> {
  readonly deadLetters: DeadLetterSink;
  readonly #host: FunctionHost;
  readonly #clock: Clock;
  readonly #recorder: InvocationRecorder | undefined;
  readonly #async: AsyncInvocations;

  constructor({ host, clock = new RealClock(), recorder, deadLetters }: LambdaFunctionOptions) {
    super();
    this.#host = host;
    this.#clock = clock;
    this.#recorder = recorder;
    this.deadLetters = deadLetters ?? new DeadLetterLog();
    this.#async = new AsyncInvocations({
      clock,
      attempt: (event, attempt) => this.#attempt(event, attempt),
      deadLetter: (event) => this.#deadLetter(event),
      onError: (error) => this.#warn(error),
    });
  }

  get functionName(): string {
    return this.#host.functionName;
  }

  /** Asynchronous attempts running, and events waiting on the clock for a retry. */
  get pendingEvents(): { readonly running: number; readonly waiting: number } {
    return this.#async.pending;
  }

  /**
   * The qualifier a request names this function with, sent to `region`.
   * @throws ResourceNotFoundException when it names another function, region or account.
   */
  resolve(target: FunctionTarget, region: string): string | undefined {
    if (target.region !== undefined && target.region !== region) {
      throw unreachableRegion(target.region, region);
    }
    const { identity } = this.#host;
    const account = target.account ?? LOCAL_ACCOUNT_ID;
    if (
      target.name !== identity.functionName ||
      account !== LOCAL_ACCOUNT_ID ||
      region !== identity.region
    ) {
      const qualified = target.qualifier === undefined ? "" : `:${target.qualifier}`;
      throw functionNotFound(
        `arn:aws:lambda:${region}:${account}:function:${target.name}${qualified}`,
      );
    }
    return target.qualifier;
  }

  /**
   * A `RequestResponse` invocation: the function's result, or its error document.
   * @throws AwsServiceError as Invoke fails: payload limits, unknown qualifier, throttling.
   */
  async invoke(request: LambdaInvocation): Promise<InvocationResult> {
    const { qualifier, text, event } = this.#admit(
      request,
      SYNC_REQUEST_LIMIT,
      syncRequestTooLarge,
    );
    const time = this.#clock.now();
    let result: InvocationResult;
    try {
      result = await this.#host.invoke({
        payload: text,
        qualifier,
        clientContext: request.clientContext,
      });
    } catch (error) {
      if (error instanceof TooManyRequestsError) throw tooManyRequests(error.reason);
      throw error;
    }
    return this.#finish(withinResponseLimit(result), { ...request, qualifier, event, time });
  }

  /**
   * An `Event` invocation: accepted at once, run when concurrency allows, retried on failure.
   * @returns the invocation's request id.
   */
  invokeAsync(request: LambdaInvocation): string {
    const { qualifier, text, event } = this.#admit(
      request,
      ASYNC_REQUEST_LIMIT,
      asyncRequestTooLarge,
    );
    const requestId = randomUUID();
    this.#async.submit({
      requestId,
      payload: text,
      event,
      qualifier,
      trigger: request.trigger,
      registration: request.registration,
      clientContext: request.clientContext,
    });
    return requestId;
  }

  /** A `DryRun`: checks the request as `invoke` would, without running anything. */
  dryRun(request: LambdaInvocation): void {
    this.#admit(request, SYNC_REQUEST_LIMIT, syncRequestTooLarge);
  }

  /** Resolves once no asynchronous attempt is running (retries may still wait on the clock). */
  idle(): Promise<void> {
    return this.#async.idle();
  }

  /** Drops the asynchronous events waiting for a retry. The host is its owner's to close. */
  close(): void {
    this.#async.close();
  }

  #admit(request: LambdaInvocation, limit: number, tooLarge: (size: number) => Error): Admitted {
    const qualifier = checkQualifier(
      this.#host.manifest,
      this.#host.functionArn(),
      request.qualifier,
    );
    const payload = checkPayload(request.payload, limit, {
      tooLarge,
      invalidJson: invalidPayloadJson,
    });
    return { ...payload, qualifier };
  }

  async #attempt(queued: QueuedEvent, attempt: number): Promise<InvocationResult> {
    const time = this.#clock.now();
    const result = await this.#host.enqueue({
      payload: queued.payload,
      qualifier: queued.qualifier,
      requestId: queued.requestId,
      clientContext: queued.clientContext,
    });
    return this.#finish(withinResponseLimit(result), { ...queued, time, attempt });
  }

  #finish(result: InvocationResult, call: FinishedCall): InvocationResult {
    const { manifest } = this.#host;
    const entry = invocationEntry({
      time: call.time,
      functionName: this.functionName,
      qualifier: call.qualifier,
      invocationType: call.attempt === undefined ? "RequestResponse" : "Event",
      attempt: call.attempt,
      trigger: call.trigger,
      registration: call.registration ?? taskRegistration(manifest, call.qualifier),
      event: call.event,
      result,
      manifest,
    });
    this.#recorder?.record(entry);
    this.emit("invoked", { entry, result });
    return result;
  }

  async #deadLetter(event: DeadLetteredEvent): Promise<void> {
    this.emit("deadLettered", event);
    await this.deadLetters.deadLetter(event);
  }

  #warn(error: unknown): void {
    this.emit("warning", error instanceof Error ? error : new Error(String(error)));
  }
}
