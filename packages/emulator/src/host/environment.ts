import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AppManifest } from "./host-options.js";
import { newLogStreamName } from "./lambda-environment.js";
import { exitError, type LambdaError } from "./lambda-error.js";
import type { LogLine } from "./log-line.js";
import type {
  BootData,
  HostMessage,
  InspectorSettings,
  InvokeRequest,
  LoadRequest,
  WorkerMessage,
} from "./protocol.js";

export type LoadOutcome =
  | { readonly ok: true; readonly manifest: AppManifest }
  | { readonly ok: false; readonly error: LambdaError };

/** What the module's initialisation logged, and how long it took. */
export interface InitPhase {
  readonly lines: readonly LogLine[];
  readonly durationMs: number;
}

export type InvocationOutcome = { readonly lines: readonly LogLine[] } & (
  | {
      readonly kind: "result";
      readonly payload: string | undefined;
      readonly error: LambdaError | undefined;
    }
  | { readonly kind: "timeout" }
  /** The runtime died: uncaught exception, unhandled rejection or `process.exit`. */
  | { readonly kind: "crash"; readonly error: LambdaError }
);

export interface EnvironmentListeners {
  onLog(line: LogLine): void;
  /** The worker is gone (crashed, timed out or disposed of); the environment is unusable. */
  onGone(environment: ExecutionEnvironment): void;
  onInspector(url: string): void;
}

// The worker starts as a CommonJS script so that it can register tsx before importing the
// environment's own module, which is TypeScript when the emulator runs from its sources.
const BOOT_SCRIPT = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  if (workerData.sourceConditionHook) require("node:module").register(workerData.sourceConditionHook);
  (await import(workerData.tsxEsmApi)).register();
  (await import(workerData.tsxCjsApi)).register();
  await import(workerData.workerModule);
})().catch((error) => {
  parentPort.postMessage({ type: "fatal", error: { errorType: "Runtime.BootError", errorMessage: String(error && error.stack || error) } });
});
`;

const runningFromSources = extname(fileURLToPath(import.meta.url)) === ".ts";

const BOOT_DATA: BootData = {
  tsxEsmApi: import.meta.resolve("tsx/esm/api"),
  tsxCjsApi: import.meta.resolve("tsx/cjs/api"),
  workerModule: new URL(
    `./worker/environment-worker${extname(fileURLToPath(import.meta.url))}`,
    import.meta.url,
  ).href,
  // An emulator running from its TypeScript sources (the repository checkout) resolves the
  // workspace packages to their sources too, so an app there needs no build step either.
  sourceConditionHook: runningFromSources
    ? new URL("../../bin/source-condition.js", import.meta.url).href
    : undefined,
};

type Pending =
  | { readonly kind: "load"; readonly resolve: (outcome: LoadOutcome) => void }
  | {
      readonly kind: "invoke";
      readonly requestId: string;
      readonly lines: LogLine[];
      readonly timer: NodeJS.Timeout | undefined;
      readonly resolve: (outcome: InvocationOutcome) => void;
    };

/**
 * One execution environment seen from the host: a worker thread that loads the app once and
 * runs one invocation at a time. A timed-out or crashed environment is terminated, never reused,
 * as Lambda resets a sandbox after such a failure.
 *
 * Worker threads rather than child processes: a worker boots in a fraction of a process's time
 * (which is what makes reloads fast), `terminate()` stops even a synchronous infinite loop, and
 * each gets its own copy of the environment variables. The price is what threads share: the
 * working folder, the time zone, signal handlers, and native addons must be context-aware.
 */
export class ExecutionEnvironment {
  readonly logStreamName = newLogStreamName();
  /** Settles once the worker thread has ended (and released the debugger port, if it held it). */
  readonly exited: Promise<void>;
  readonly #worker: Worker;
  readonly #listeners: EnvironmentListeners;
  #pending: Pending | undefined;
  #alive = true;
  #init: { lines: LogLine[]; durationMs: number } | undefined = { lines: [], durationMs: 0 };
  #memoryUsedMb = 0;

  constructor(listeners: EnvironmentListeners) {
    this.#listeners = listeners;
    this.#worker = new Worker(BOOT_SCRIPT, {
      eval: true,
      workerData: BOOT_DATA,
      // Neither the host's flags (such as --import tsx) nor its environment leak into the app.
      execArgv: [],
      env: {},
    });
    this.#worker.on("message", (message: WorkerMessage) => this.#receive(message));
    this.#worker.on("error", (error) =>
      this.#fail({
        errorType: error.name,
        errorMessage: error.message,
        trace: error.stack?.split("\n"),
      }),
    );
    this.exited = new Promise((resolve) => {
      this.#worker.on("exit", (code) => {
        this.#exited(code);
        resolve();
      });
    });
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** Loads the app; the environment is usable only when the outcome is ok. */
  load(request: Omit<LoadRequest, "type">): Promise<LoadOutcome> {
    return new Promise((resolve) => {
      if (!this.#alive) {
        resolve({ ok: false, error: exitError(undefined, 1) });
        return;
      }
      this.#pending = { kind: "load", resolve };
      this.#send({ type: "load", ...request });
    });
  }

  /** The init phase, handed out once: to the first invocation (undefined afterwards). */
  takeInit(): InitPhase | undefined {
    const init = this.#init;
    this.#init = undefined;
    return init;
  }

  /** Runs one invocation; past `timeoutMs` (when given) the worker is terminated. */
  invoke(
    request: Omit<InvokeRequest, "type">,
    timeoutMs: number | undefined,
  ): Promise<InvocationOutcome> {
    return new Promise((resolve) => {
      if (!this.#alive) {
        resolve({ kind: "crash", error: exitError(request.requestId, 1), lines: [] });
        return;
      }
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => this.#settle({ kind: "timeout", lines: [] }, true), timeoutMs);
      this.#pending = { kind: "invoke", requestId: request.requestId, lines: [], timer, resolve };
      this.#send({ type: "invoke", ...request });
    });
  }

  get memoryUsedMb(): number {
    return this.#memoryUsedMb;
  }

  setEnvironment(env: Readonly<Record<string, string>>): void {
    this.#send({ type: "setEnv", env });
  }

  openInspector(inspector: InspectorSettings): void {
    this.#send({ type: "openInspector", inspector });
  }

  async dispose(): Promise<void> {
    this.#alive = false;
    await this.#worker.terminate();
  }

  #send(message: HostMessage): void {
    this.#worker.postMessage(message);
  }

  #receive(message: WorkerMessage): void {
    switch (message.type) {
      case "log":
        this.#record(message.line);
        break;
      case "loaded":
      case "loadFailed":
        this.#loaded(message);
        break;
      case "result":
        this.#memoryUsedMb = message.memoryUsedMb;
        this.#settle(
          { kind: "result", payload: message.payload, error: message.error, lines: [] },
          false,
        );
        break;
      case "fatal":
        this.#fail(message.error);
        break;
      case "inspector":
        this.#listeners.onInspector(message.url);
        break;
    }
  }

  #record(line: LogLine): void {
    if (this.#pending?.kind === "invoke") this.#pending.lines.push(line);
    else if (this.#pending?.kind === "load") this.#init?.lines.push(line);
    this.#listeners.onLog(line);
  }

  #loaded(message: Extract<WorkerMessage, { type: "loaded" | "loadFailed" }>): void {
    const pending = this.#pending;
    if (pending?.kind !== "load") return;
    this.#pending = undefined;
    if (this.#init) this.#init.durationMs = message.initDurationMs;
    if (message.type === "loaded") this.#memoryUsedMb = message.memoryUsedMb;
    pending.resolve(
      message.type === "loaded"
        ? { ok: true, manifest: message.manifest }
        : { ok: false, error: message.error },
    );
  }

  /** Resolves the open invocation, with the lines it logged; `terminate` ends the worker. */
  #settle(outcome: InvocationOutcome, terminate: boolean): void {
    const pending = this.#pending;
    if (pending?.kind === "invoke") {
      this.#pending = undefined;
      clearTimeout(pending.timer);
      pending.resolve({ ...outcome, lines: pending.lines });
    }
    if (terminate) this.#terminate();
  }

  /** The runtime would exit now: the open load or invocation fails with `error`. */
  #fail(error: LambdaError): void {
    if (this.#pending?.kind === "load") {
      this.#loaded({ type: "loadFailed", error, initDurationMs: this.#init?.durationMs ?? 0 });
    }
    this.#settle({ kind: "crash", error, lines: [] }, true);
  }

  #exited(code: number): void {
    const requestId = this.#pending?.kind === "invoke" ? this.#pending.requestId : undefined;
    this.#fail(exitError(requestId, code));
  }

  #terminate(): void {
    if (!this.#alive) return;
    this.#alive = false;
    void this.#worker.terminate();
    this.#listeners.onGone(this);
  }
}
