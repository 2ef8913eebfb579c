import { type EnvironmentListeners, ExecutionEnvironment, type InitPhase } from "./environment.js";
import { HostClosedError } from "./errors.js";
import type { AppManifest } from "./host-options.js";
import type { LambdaError } from "./lambda-error.js";
import type { LogLine } from "./log-line.js";
import type { InspectorSettings, LoadRequest } from "./protocol.js";

/** The environments that loaded one version of the code. */
export class Generation {
  readonly environments = new Set<ExecutionEnvironment>();
  readonly idle: ExecutionEnvironment[] = [];
  /** Environments of this generation still loading. */
  loading = 0;

  constructor(
    readonly id: number,
    /** The pool's source version when this generation started loading. */
    readonly sourceVersion: number,
    readonly manifest: AppManifest,
  ) {}
}

export type Lease =
  | { readonly environment: ExecutionEnvironment; readonly generation: Generation }
  /** A new environment failed to initialise: the invocation fails with its init error. */
  | {
      readonly environment?: undefined;
      readonly generation: Generation;
      readonly error: LambdaError;
      readonly init: InitPhase | undefined;
    };

export type GenerationLoad =
  | { readonly ok: true; readonly generation: Generation }
  | { readonly ok: false; readonly error: LambdaError };

export interface PoolSettings {
  /** What an environment loads: the host's entry and the Lambda environment variables. */
  readonly loadRequest: (
    environment: ExecutionEnvironment,
  ) => Omit<LoadRequest, "type" | "inspector">;
  /** Rejects a loaded app (such as an app name that contradicts the configuration). */
  readonly validate: (manifest: AppManifest) => LambdaError | undefined;
  /** Keep one environment booted (tsx registered) ahead of need, to load new code sooner. */
  readonly prewarm: boolean;
  readonly inspector: InspectorSettings | undefined;
  readonly onLog: (line: LogLine) => void;
  readonly onInspector: (url: string) => void;
}

/**
 * The execution environments of one function, grouped in generations by code version. New
 * invocations lease environments of the serving generation only; an older generation keeps its
 * busy environments until their invocations finish, then they are disposed of.
 *
 * A generation loads from the files on disk, so it scales out (starts more environments) only
 * while the files are unchanged since it loaded: after an edit its invocations wait for one of
 * its warm environments rather than run code it never loaded, until the next generation serves.
 */
export class EnvironmentPool {
  /** Bumped on every change to the source files. */
  sourceVersion = 0;
  #serving: Generation | undefined;
  #nextGenerationId = 1;
  readonly #settings: PoolSettings;
  readonly #generationOf = new Map<ExecutionEnvironment, Generation>();
  readonly #all = new Set<ExecutionEnvironment>();
  readonly #waiters: { resolve: (lease: Lease) => void; reject: (error: Error) => void }[] = [];
  #standby: ExecutionEnvironment | undefined;
  #inspectorOwner: ExecutionEnvironment | undefined;
  #closed = false;

  constructor(settings: PoolSettings) {
    this.#settings = settings;
  }

  get serving(): Generation | undefined {
    return this.#serving;
  }

  /** Environments that exist (booting, loading, idle or busy), the standby included. */
  get size(): number {
    return this.#all.size;
  }

  /** Loads the code on disk into a new generation, without serving it yet. */
  async loadGeneration(): Promise<GenerationLoad> {
    const environment = this.#take();
    const sourceVersion = this.sourceVersion;
    const outcome = await this.#load(environment);
    if (!outcome.ok) return this.#reject(environment, outcome.error);
    const rejection = this.#settings.validate(outcome.manifest);
    if (rejection) return this.#reject(environment, rejection);
    const generation = new Generation(this.#nextGenerationId++, sourceVersion, outcome.manifest);
    this.#adopt(environment, generation);
    if (environment.alive) generation.idle.push(environment);
    return { ok: true, generation };
  }

  /** Makes `generation` serve new invocations; the previous one retires. */
  promote(generation: Generation): void {
    const retired = this.#serving;
    this.#serving = generation;
    if (retired) {
      for (const environment of retired.idle.splice(0)) void this.#discard(environment);
    }
    this.#serveWaiters();
    this.#handOverInspector();
  }

  /** An environment of the serving generation for one invocation; release it afterwards. */
  acquire(): Promise<Lease> {
    return new Promise((resolve, reject) => {
      if (this.#closed) throw new HostClosedError();
      this.#waiters.push({ resolve, reject });
      this.#serveWaiters();
    });
  }

  release(environment: ExecutionEnvironment): void {
    const generation = this.#generationOf.get(environment);
    if (!generation) return;
    if (!environment.alive || generation !== this.#serving) {
      void this.#discard(environment);
      return;
    }
    generation.idle.push(environment);
    this.#serveWaiters();
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new HostClosedError());
    await Promise.all([...this.#all].map((environment) => this.#discard(environment)));
  }

  #reject(environment: ExecutionEnvironment, error: LambdaError): GenerationLoad {
    void this.#discard(environment);
    return { ok: false, error };
  }

  #serveWaiters(): void {
    if (this.#closed) return;
    const generation = this.#serving;
    while (generation && this.#waiters.length > 0) {
      const idle = generation.idle.pop();
      if (idle) {
        this.#waiters.shift()!.resolve({ environment: idle, generation });
      } else if (this.#canScale(generation)) {
        const waiter = this.#waiters.shift()!;
        void this.#spawn(generation).then(waiter.resolve);
      } else {
        return;
      }
    }
  }

  /** Whether new environments may load from disk for this generation (see the class comment). */
  #canScale(generation: Generation): boolean {
    const empty = generation.environments.size + generation.loading === 0;
    return generation.sourceVersion === this.sourceVersion || empty;
  }

  async #spawn(generation: Generation): Promise<Lease> {
    const environment = this.#take();
    generation.loading++;
    const outcome = await this.#load(environment);
    generation.loading--;
    if (!outcome.ok) {
      void this.#discard(environment);
      return { generation, error: outcome.error, init: environment.takeInit() };
    }
    this.#adopt(environment, generation);
    return { environment, generation };
  }

  #load(environment: ExecutionEnvironment) {
    const inspector = this.#inspectorOwner ? undefined : this.#settings.inspector;
    if (inspector) this.#inspectorOwner = environment;
    const loading = environment.load({ ...this.#settings.loadRequest(environment), inspector });
    return loading.finally(() => this.#replenish());
  }

  #adopt(environment: ExecutionEnvironment, generation: Generation): void {
    if (!environment.alive) return;
    generation.environments.add(environment);
    this.#generationOf.set(environment, generation);
  }

  /** The standby environment, or a new one. */
  #take(): ExecutionEnvironment {
    const environment = this.#standby ?? this.#create();
    this.#standby = undefined;
    return environment;
  }

  #replenish(): void {
    if (this.#settings.prewarm && !this.#closed && !this.#standby) this.#standby = this.#create();
  }

  #create(): ExecutionEnvironment {
    if (this.#closed) throw new HostClosedError();
    const listeners: EnvironmentListeners = {
      onLog: this.#settings.onLog,
      onInspector: this.#settings.onInspector,
      onGone: (environment) => this.#forget(environment),
    };
    const environment = new ExecutionEnvironment(listeners);
    this.#all.add(environment);
    return environment;
  }

  #discard(environment: ExecutionEnvironment): Promise<void> {
    this.#forget(environment);
    return environment.dispose();
  }

  #forget(environment: ExecutionEnvironment): void {
    if (!this.#all.delete(environment)) return;
    if (this.#standby === environment) this.#standby = undefined;
    const generation = this.#generationOf.get(environment);
    this.#generationOf.delete(environment);
    if (generation) {
      generation.environments.delete(environment);
      const idle = generation.idle.indexOf(environment);
      if (idle !== -1) generation.idle.splice(idle, 1);
    }
    if (this.#inspectorOwner === environment) {
      // The port is free only once the thread has ended.
      void environment.exited.then(() => {
        this.#inspectorOwner = undefined;
        this.#handOverInspector();
      });
    }
    this.#serveWaiters();
  }

  /** Gives the debugger port to the serving generation once its holder is gone. */
  #handOverInspector(): void {
    const { inspector } = this.#settings;
    if (!inspector || this.#inspectorOwner || this.#closed) return;
    const [next] = this.#serving?.environments ?? [];
    if (!next) return;
    this.#inspectorOwner = next;
    next.openInspector({ ...inspector, wait: false });
  }
}
