import { EventEmitter } from "node:events";
import { basename, dirname, extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { validateManifest } from "@domovoi/runtime/validation";
import { LOCAL_ACCOUNT_ID } from "../local-account.js";
import type { ExecutionEnvironment } from "./environment.js";
import { EnvironmentPool, type Generation } from "./environment-pool.js";
import { AppLoadError, HostClosedError } from "./errors.js";
import { type AppManifest, type FunctionHostOptions, resolveHostOptions } from "./host-options.js";
import type { InvocationResult, InvokeInput } from "./invocation.js";
import { InvocationRunner } from "./invocation-runner.js";
import { type FunctionIdentity, functionArn, lambdaEnvironment } from "./lambda-environment.js";
import type { LambdaError } from "./lambda-error.js";
import type { LogLine } from "./log-line.js";
import { runtimeMismatchWarning } from "./runtime-version.js";
import { SourceWatcher } from "./source-watcher.js";
import { intoError } from "./worker/error-format.js";

export interface ReloadedEvent {
  readonly generation: number;
  readonly manifest: AppManifest;
  /** The files whose changes led to the reload (empty for a reload asked for by hand). */
  readonly changedFiles: readonly string[];
  /** From the start of the reload to the new code serving. */
  readonly durationMs: number;
}

export interface ReloadFailedEvent {
  /** Why the new code did not load; the previous generation keeps serving. */
  readonly error: LambdaError;
  readonly changedFiles: readonly string[];
}

export interface FunctionHostEvents {
  reloaded: [ReloadedEvent];
  reloadFailed: [ReloadFailedEvent];
  /** Every log line of every environment, as it is written. */
  log: [LogLine];
  /** An environment opened the debugger port; attach to `url`. */
  inspector: [{ readonly url: string }];
}

export type ReloadOutcome =
  | { readonly ok: true; readonly generation: number; readonly manifest: AppManifest }
  | { readonly ok: false; readonly error: LambdaError };

/**
 * Runs one Lambda function locally as Lambda would: the app in isolated execution environments
 * (worker threads loading TypeScript through tsx), one invocation at a time per environment,
 * warm between invocations, at most `concurrency` at once, with Lambda's environment, context,
 * timeout, error documents and CloudWatch log lines, and hot reload of the code.
 */
export class FunctionHost extends EventEmitter<FunctionHostEvents> {
  /** Things the developer should know, such as a local Node.js that is not the stage's. */
  readonly warnings: readonly string[];
  readonly #options: FunctionHostOptions;
  readonly #settings: ReturnType<typeof resolveHostOptions>;
  readonly #entry: string;
  readonly #projectDir: string;
  readonly #pool: EnvironmentPool;
  #functionName: string | undefined;
  #inspectorUrl: string | undefined;
  #watcher: SourceWatcher | undefined;
  readonly #runner: InvocationRunner;
  #reloads: Promise<unknown> = Promise.resolve();
  #nextReload: { files: Set<string>; outcome: Promise<ReloadOutcome> } | undefined;
  #closed = false;

  /** A host that serves nothing yet: attach listeners, then `start()` it. */
  constructor(options: FunctionHostOptions) {
    super();
    this.#options = options;
    this.#settings = resolveHostOptions(options);
    this.#entry = resolve(options.entry);
    this.#projectDir = resolve(options.projectDir ?? dirname(this.#entry));
    this.#functionName = options.functionName;
    const warning = runtimeMismatchWarning(this.#settings.runtime);
    this.warnings = warning ? [warning] : [];
    this.#pool = new EnvironmentPool({
      loadRequest: (environment) => ({
        entryUrl: pathToFileURL(this.#entry).href,
        handlerName: this.#handlerName,
        env: this.#environmentVariables(environment),
      }),
      validate: (manifest) => this.#validate(manifest),
      prewarm: options.prewarm ?? true,
      inspector: this.#settings.inspector,
      onLog: (line) => this.emit("log", line),
      onInspector: (url) => {
        this.#inspectorUrl = url;
        this.emit("inspector", { url });
      },
    });
    this.#runner = new InvocationRunner(this.#pool, {
      concurrency: this.#settings.concurrency,
      throttleReason:
        options.reservedConcurrency === undefined
          ? "ConcurrentInvocationLimitExceeded"
          : "ReservedFunctionConcurrentInvocationLimitExceeded",
      timeoutSeconds: this.#settings.timeoutSeconds,
      enforceTimeout: this.#settings.inspector === undefined,
      memorySizeMb: this.#settings.memorySizeMb,
      functionArn: (qualifier) => this.functionArn(qualifier),
      onLog: (line) => this.emit("log", line),
    });
  }

  /**
   * Loads the app and starts serving it (and watching its files when `watch` is set). The first
   * load emits `reloaded` (generation 1) or `reloadFailed`, as every later load does.
   * @throws AppLoadError when the app does not load, with the error Lambda would report; the
   * host is then closed.
   */
  async start(): Promise<void> {
    try {
      const outcome = await this.reload();
      if (!outcome.ok) throw new AppLoadError(outcome.error);
      if (this.#options.watch) await this.#watch();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  get functionName(): string {
    return this.#functionName ?? "";
  }

  get identity(): FunctionIdentity {
    return {
      functionName: this.functionName,
      region: this.#settings.region,
      accountId: LOCAL_ACCOUNT_ID,
      memorySizeMb: this.#settings.memorySizeMb,
      runtime: this.#settings.runtime,
    };
  }

  functionArn(qualifier?: string): string {
    return functionArn(this.identity, qualifier);
  }

  /** The manifest of the code now serving. */
  get manifest(): AppManifest {
    return this.#pool.serving?.manifest as AppManifest;
  }

  /** The generation now serving: 1, then one more per successful reload. */
  get generation(): number {
    return this.#pool.serving?.id ?? 0;
  }

  /** Where a debugger attaches (`inspect` option), once an environment has opened the port. */
  get inspectorUrl(): string | undefined {
    return this.#inspectorUrl;
  }

  /** The most invocations that run at once. */
  get concurrency(): number {
    return this.#settings.concurrency;
  }

  /** Invocations running, waiting in the asynchronous queue, and environments alive. */
  stats(): { readonly running: number; readonly queued: number; readonly environments: number } {
    return {
      running: this.#runner.running,
      queued: this.#runner.queued,
      environments: this.#pool.size,
    };
  }

  /**
   * A synchronous (`RequestResponse`) invocation.
   * @throws TooManyRequestsError at once when `concurrency` invocations are already running.
   */
  invoke(input: InvokeInput = {}): Promise<InvocationResult> {
    return this.#runner.invoke(input);
  }

  /** An asynchronous (`Event`) invocation: it waits in a queue while the concurrency is used up. */
  enqueue(input: InvokeInput = {}): Promise<InvocationResult> {
    return this.#runner.enqueue(input);
  }

  /**
   * Loads the code on disk into a new generation and, once it has loaded, serves new invocations
   * from it; running ones finish on the old code. When it fails the old code keeps serving.
   * Requests made while a reload runs are merged into one reload after it.
   */
  reload(changedFiles: readonly string[] = []): Promise<ReloadOutcome> {
    if (this.#nextReload) {
      for (const file of changedFiles) this.#nextReload.files.add(file);
      return this.#nextReload.outcome;
    }
    const files = new Set(changedFiles);
    const outcome = this.#reloads.then(() => {
      this.#nextReload = undefined;
      return this.#loadGeneration([...files]);
    });
    this.#nextReload = { files, outcome };
    this.#reloads = outcome.catch(() => undefined);
    return outcome;
  }

  /** Stops watching, rejects queued invocations and terminates every environment. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#runner.close();
    await this.#watcher?.close();
    await this.#pool.close();
  }

  get #handlerName(): string {
    return `${basename(this.#entry, extname(this.#entry))}.handler`;
  }

  async #watch(): Promise<void> {
    this.#watcher = await SourceWatcher.start({
      root: this.#projectDir,
      debounceMs: this.#settings.debounceMs,
      onChange: () => this.#pool.sourceVersion++,
      // A reload that fails is reported through `reloadFailed`; one cut short by close() is moot.
      onChanges: (files) => void this.reload(files).catch(() => undefined),
    });
  }

  async #loadGeneration(changedFiles: readonly string[]): Promise<ReloadOutcome> {
    if (this.#closed) throw new HostClosedError();
    const started = performance.now();
    const load = await this.#pool.loadGeneration();
    if (this.#closed) throw new HostClosedError();
    if (!load.ok) {
      this.emit("reloadFailed", { error: load.error, changedFiles });
      return load;
    }
    const { generation } = load;
    this.#name(generation);
    this.#pool.promote(generation);
    const { manifest } = generation;
    this.emit("reloaded", {
      generation: generation.id,
      manifest,
      changedFiles,
      durationMs: performance.now() - started,
    });
    return { ok: true, generation: generation.id, manifest };
  }

  /** Names the function after the app once its name is known, if no name was given. */
  #name(generation: Generation): void {
    if (this.#functionName !== undefined) return;
    this.#functionName = `${generation.manifest.app}-${this.#options.stage}`;
    for (const environment of generation.environments) {
      environment.setEnvironment(this.#environmentVariables(environment));
    }
  }

  #validate(manifest: AppManifest): LambdaError | undefined {
    try {
      validateManifest(manifest);
      this.#options.validateManifest?.(manifest);
      return undefined;
    } catch (error) {
      const { name, message } = intoError(error);
      return { errorType: name, errorMessage: message };
    }
  }

  #environmentVariables(environment: ExecutionEnvironment): Record<string, string> {
    const variables = lambdaEnvironment({
      identity: this.identity,
      handler: this.#handlerName,
      taskRoot: this.#projectDir,
      endpointUrl: this.#options.endpointUrl,
      endpointServices: this.#options.endpointServices,
      variables: this.#options.environmentVariables ?? {},
      logStreamName: environment.logStreamName,
    });
    // Until the app has named the function, say nothing rather than something wrong.
    if (this.#functionName === undefined) {
      delete variables.AWS_LAMBDA_FUNCTION_NAME;
      delete variables.AWS_LAMBDA_LOG_GROUP_NAME;
    }
    return variables;
  }
}
