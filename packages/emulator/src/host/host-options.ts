import type { DomovoiManifest } from "@domovoi/runtime";
import {
  CONFIG_DIR,
  ConfigError,
  type LambdaRuntime,
  STAGE_DEFAULTS,
  type StageConfig,
} from "@domovoi/runtime/config";
import { DEFAULT_REGION } from "../local-account.js";
import type { InspectorSettings } from "./protocol.js";

/** Concurrency when the stage reserves none: the account default of a new AWS account. */
export const DEFAULT_CONCURRENCY = 10;
export const DEFAULT_INSPECTOR: InspectorSettings = { host: "127.0.0.1", port: 9229, wait: false };
/** Quiet time after a burst of file writes before the app reloads. */
export const DEFAULT_DEBOUNCE_MS = 50;

/** What `app.manifest()` returns, checked for its shape when the app loads. */
export type AppManifest = DomovoiManifest;

export interface FunctionHostOptions {
  /** The app's entry module (such as `app.ts`), absolute or relative to the working folder. */
  readonly entry: string;
  /** `LAMBDA_TASK_ROOT` and the folder watched for changes. Default: the entry's folder. */
  readonly projectDir?: string;
  readonly stage: string;
  /** Default `<the manifest's app name>-<stage>`, known once the app has loaded. */
  readonly functionName?: string;
  /** `AWS_ENDPOINT_URL` of the app: the emulator's own address (`http://127.0.0.1:<port>`). */
  readonly endpointUrl: string;
  /**
   * The AWS SDK service ids (`SQS`, `CLOUDWATCH_LOGS`) that `endpointUrl` serves: the app gets
   * `AWS_ENDPOINT_URL_<ID>` for each instead of `AWS_ENDPOINT_URL`, so that its calls to other
   * services behave as they would without the emulator. Default: `AWS_ENDPOINT_URL`, for all.
   */
  readonly endpointServices?: readonly string[];
  readonly region?: string;
  /** `lambda_timeout`, in seconds; fractions are allowed (tests use short ones). */
  readonly timeoutSeconds?: number;
  readonly memorySizeMb?: number;
  readonly runtime?: LambdaRuntime;
  /** The stage's `environment_variables`. */
  readonly environmentVariables?: Readonly<Record<string, string>>;
  /** `reserved_concurrent_executions`: the most invocations that run at once. */
  readonly reservedConcurrency?: number;
  /** The limit when no concurrency is reserved; default {@link DEFAULT_CONCURRENCY}. */
  readonly concurrency?: number;
  /** Reload the app when its source files change. Default false. */
  readonly watch?: boolean;
  readonly debounceMs?: number;
  /** Keep one environment booted ahead of need, so that reloads and cold starts are faster. */
  readonly prewarm?: boolean;
  /**
   * Open Node's inspector in the app's execution environment (default 127.0.0.1:9229; `wait`
   * holds the first load until a debugger attaches). The app runs with source maps, so
   * breakpoints set in its TypeScript files bind. Concurrency drops to 1 and timeouts are not
   * enforced, so that a paused debugger neither spreads over environments nor gets killed.
   *
   * To attach: in VS Code, a launch configuration
   * `{ "type": "node", "request": "attach", "name": "domovoi dev", "port": 9229, "restart": true }`
   * (`restart` re-attaches after each hot reload, which moves the port to the new environment);
   * in Chrome, `chrome://inspect` with `localhost:9229` among the network targets. The URL is
   * also given by the `inspector` event and `FunctionHost.inspectorUrl`.
   */
  readonly inspect?: boolean | Partial<InspectorSettings>;
  /**
   * Rejects a loaded app by its name (its registrations are validated by the host itself); what
   * it throws fails the load as a reload failure would.
   */
  readonly validateManifest?: (manifest: Pick<AppManifest, "app">) => void;
}

/** The options a stage's configuration does not give. */
export type StageHostOptions = Omit<FunctionHostOptions, keyof ReturnType<typeof fromStage>>;

/**
 * Host options for one stage of `.domovoi/config.json` (see `loadStageConfig`): its timeout,
 * memory, runtime, variables, concurrency and region, and its `app_name`, which must equal the
 * app's own name.
 */
export function hostOptionsFromStage(
  config: StageConfig,
  options: StageHostOptions,
): FunctionHostOptions {
  return { ...options, ...fromStage(config) };
}

function fromStage(config: StageConfig) {
  const { appName, stage } = config;
  return {
    stage,
    functionName: appName === undefined ? undefined : `${appName}-${stage}`,
    region: config.region ?? DEFAULT_REGION,
    timeoutSeconds: config.lambdaTimeout,
    memorySizeMb: config.lambdaMemorySize,
    runtime: config.runtime,
    environmentVariables: config.environmentVariables,
    reservedConcurrency: config.reservedConcurrentExecutions,
    validateManifest: (manifest: Pick<AppManifest, "app">) => {
      if (appName !== undefined && manifest.app !== appName) {
        throw new ConfigError(
          `${CONFIG_DIR}/config.json`,
          "app_name",
          `is ${JSON.stringify(appName)} but the app is named ${JSON.stringify(manifest.app)}`,
        );
      }
    },
  };
}

/** The options with their defaults, checked. */
export function resolveHostOptions(options: FunctionHostOptions) {
  const timeoutSeconds = options.timeoutSeconds ?? STAGE_DEFAULTS.lambdaTimeout;
  const inspector =
    options.inspect === undefined || options.inspect === false
      ? undefined
      : { ...DEFAULT_INSPECTOR, ...(options.inspect === true ? {} : options.inspect) };
  const concurrency = inspector
    ? 1
    : (options.reservedConcurrency ?? options.concurrency ?? DEFAULT_CONCURRENCY);
  positive("timeoutSeconds", timeoutSeconds);
  if (!Number.isInteger(concurrency) || concurrency < 0) {
    throw new RangeError(
      `Expected the concurrency to be an integer of 0 or more, got ${concurrency}.`,
    );
  }
  return {
    timeoutSeconds,
    memorySizeMb: positive("memorySizeMb", options.memorySizeMb ?? STAGE_DEFAULTS.lambdaMemorySize),
    runtime: options.runtime ?? STAGE_DEFAULTS.runtime,
    region: options.region ?? DEFAULT_REGION,
    concurrency,
    inspector,
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
  };
}

function positive(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`Expected ${name} to be a positive number, got ${String(value)}.`);
  }
  return value;
}
