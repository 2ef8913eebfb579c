import { randomUUID } from "node:crypto";
import type { ExecutionEnvironment } from "./environment.js";
import type { EnvironmentPool, Generation, Lease } from "./environment-pool.js";
import { HostClosedError, type ThrottleReason, TooManyRequestsError } from "./errors.js";
import {
  type CompletedInvocation,
  completeInvocation,
  type InvocationResult,
  type InvokeInput,
} from "./invocation.js";
import { FUNCTION_VERSION } from "./lambda-environment.js";
import type { LambdaError } from "./lambda-error.js";
import { type LogLine, startLine } from "./log-line.js";

export interface RunnerSettings {
  readonly concurrency: number;
  readonly throttleReason: ThrottleReason;
  readonly timeoutSeconds: number;
  /** False while debugging: a paused debugger must not be taken for a runaway handler. */
  readonly enforceTimeout: boolean;
  readonly memorySizeMb: number;
  readonly functionArn: (qualifier?: string) => string;
  readonly onLog: (line: LogLine) => void;
}

interface QueuedInvocation {
  readonly input: InvokeInput;
  readonly resolve: (result: InvocationResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Admits invocations as Lambda's concurrency does (synchronous ones are throttled at the limit,
 * asynchronous ones wait in a queue) and runs each in an environment leased from the pool.
 */
export class InvocationRunner {
  readonly #pool: EnvironmentPool;
  readonly #settings: RunnerSettings;
  #running = 0;
  readonly #queue: QueuedInvocation[] = [];
  #closed = false;

  constructor(pool: EnvironmentPool, settings: RunnerSettings) {
    this.#pool = pool;
    this.#settings = settings;
  }

  get running(): number {
    return this.#running;
  }

  get queued(): number {
    return this.#queue.length;
  }

  invoke(input: InvokeInput): Promise<InvocationResult> {
    if (this.#closed) return Promise.reject(new HostClosedError());
    if (this.#running >= this.#settings.concurrency) {
      return Promise.reject(new TooManyRequestsError(this.#settings.throttleReason));
    }
    return this.#run(input);
  }

  enqueue(input: InvokeInput): Promise<InvocationResult> {
    if (this.#closed) return Promise.reject(new HostClosedError());
    return new Promise((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      this.#drainQueue();
    });
  }

  /** Rejects the queued invocations; running ones fail as their environments are terminated. */
  close(): void {
    this.#closed = true;
    for (const queued of this.#queue.splice(0)) queued.reject(new HostClosedError());
  }

  #drainQueue(): void {
    while (this.#running < this.#settings.concurrency && this.#queue.length > 0) {
      const { input, resolve, reject } = this.#queue.shift()!;
      this.#run(input).then(resolve, reject);
    }
  }

  async #run(input: InvokeInput): Promise<InvocationResult> {
    this.#running++;
    try {
      const lease = await this.#pool.acquire();
      if (!lease.environment) return this.#initFailure(input, lease);
      try {
        return await this.#execute(input, lease.environment, lease.generation);
      } finally {
        this.#pool.release(lease.environment);
      }
    } finally {
      this.#running--;
      this.#drainQueue();
    }
  }

  async #execute(
    input: InvokeInput,
    environment: ExecutionEnvironment,
    generation: Generation,
  ): Promise<InvocationResult> {
    const requestId = input.requestId ?? randomUUID();
    const init = environment.takeInit();
    const start = this.#start(requestId);
    const timeoutMs = this.#settings.timeoutSeconds * 1000;
    const started = performance.now();
    const outcome = await environment.invoke(
      {
        requestId,
        payload: input.payload || "{}",
        deadline: Date.now() + timeoutMs,
        invokedFunctionArn: this.#settings.functionArn(input.qualifier),
        clientContext: input.clientContext,
        identity: input.identity,
      },
      this.#settings.enforceTimeout ? timeoutMs : undefined,
    );
    if (this.#closed) throw new HostClosedError();
    return this.#complete({
      requestId,
      outcome,
      durationMs: performance.now() - started,
      init,
      lines: [...(init?.lines ?? []), start, ...outcome.lines],
      memoryUsedMb: environment.memoryUsedMb,
      generation: generation.id,
    });
  }

  /** A new environment failed to load for this invocation: it fails with the init error. */
  #initFailure(
    input: InvokeInput,
    lease: Extract<Lease, { error: LambdaError }>,
  ): InvocationResult {
    const requestId = input.requestId ?? randomUUID();
    const start = this.#start(requestId);
    return this.#complete({
      requestId,
      outcome: { kind: "crash", error: lease.error, lines: [] },
      durationMs: 0,
      init: lease.init,
      lines: [...(lease.init?.lines ?? []), start],
      memoryUsedMb: 0,
      generation: lease.generation.id,
    });
  }

  #start(requestId: string): LogLine {
    const line = startLine(requestId, FUNCTION_VERSION);
    this.#settings.onLog(line);
    return line;
  }

  #complete(done: Omit<CompletedInvocation, "memorySizeMb" | "timeoutSeconds">): InvocationResult {
    const { result, closingLines } = completeInvocation({
      ...done,
      memorySizeMb: this.#settings.memorySizeMb,
      timeoutSeconds: this.#settings.timeoutSeconds,
    });
    for (const line of closingLines) this.#settings.onLog(line);
    return result;
  }
}
