import { basename, dirname, extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type DomovoiManifest, physicalNames } from "@domovoi/runtime";
import {
  CONFIG_DIR,
  loadStageConfig,
  readStageConfig,
  type StageConfig,
} from "@domovoi/runtime/config";
import { validateManifest } from "@domovoi/runtime/validation";
import { hostOptionsFromStage, resolveHostOptions } from "../host/host-options.js";
import {
  type FunctionIdentity,
  lambdaEnvironment,
  newLogStreamName,
} from "../host/lambda-environment.js";
import type { LogLine } from "../host/log-line.js";
import { loadApp } from "../host/worker/load-app.js";
import { LOCAL_ACCOUNT_ID } from "../local-account.js";
import type { LambdaHandler } from "./call-handler.js";
import type { EnvironmentOverride } from "./environment-override.js";
import { CapturedLog, logCapture } from "./log-capture.js";

/**
 * Where the app's AWS SDK calls go unless told otherwise: a loopback port where nothing
 * listens, so that they fail at once and nothing ever leaves the machine.
 */
export const UNREACHABLE_ENDPOINT = "http://127.0.0.1:1";

/** An app object: a Domovoi app, or anything with its `handler` and `manifest()`. */
export interface TestableApp {
  readonly handler: LambdaHandler;
  manifest(): DomovoiManifest;
}

interface CommonOptions {
  /** Default `dev`. */
  readonly stage?: string;
  /** Settings over the stage's `.domovoi/config.json` (read beside `entry`). */
  readonly config?: Partial<Omit<StageConfig, "stage">>;
  /** The app's `AWS_ENDPOINT_URL`, such as an emulator the test started. */
  readonly endpointUrl?: string;
}

export type LoadOptions = CommonOptions &
  (
    | {
        /** The app's entry module, such as `app.ts`, imported in this process. */ readonly entry: string;
        readonly app?: undefined;
      }
    | { readonly app: TestableApp; readonly entry?: undefined }
  );

export interface LoadedTestApp {
  readonly handler: LambdaHandler;
  readonly manifest: DomovoiManifest;
  readonly stage: string;
  readonly identity: FunctionIdentity;
  readonly timeoutSeconds: number;
  readonly logStreamName: string;
}

// Settings of the whole process (and of the test runner), not of the app.
const PROCESS_WIDE = new Set(["PATH", "TMPDIR", "LANG", "TZ"]);
const FUNCTION_NAMED = new Set(["AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_LOG_GROUP_NAME"]);

/**
 * Loads the app into this process as Lambda would load it: with the stage's configuration and
 * Lambda's environment variables set first (module code reads them when it runs), its module's
 * output captured as init lines, and its manifest validated.
 */
export async function loadTestApp(
  options: LoadOptions,
  environment: EnvironmentOverride,
  onLog: (line: LogLine) => void,
): Promise<LoadedTestApp> {
  const entry = options.entry === undefined ? undefined : resolve(options.entry);
  const stage = options.stage ?? "dev";
  const config = { ...(await stageConfig(entry, stage)), ...options.config, stage };
  const endpointUrl = options.endpointUrl ?? UNREACHABLE_ENDPOINT;
  const hostOptions = hostOptionsFromStage(config, { entry: entry ?? "", endpointUrl });
  const settings = resolveHostOptions(hostOptions);
  const logStreamName = newLogStreamName();
  const handlerName = `${entry ? basename(entry, extname(entry)) : "app"}.handler`;
  const identity = (functionName: string): FunctionIdentity => ({
    functionName,
    region: settings.region,
    accountId: LOCAL_ACCOUNT_ID,
    memorySizeMb: settings.memorySizeMb,
    runtime: settings.runtime,
  });
  const variables = (functionName: string) =>
    lambdaEnvironment({
      identity: identity(functionName),
      handler: handlerName,
      taskRoot: entry ? dirname(entry) : process.cwd(),
      endpointUrl,
      variables: config.environmentVariables,
      logStreamName,
    });
  environment.set({
    ...pick(variables(""), (name) => !PROCESS_WIDE.has(name) && !FUNCTION_NAMED.has(name)),
    // Calls to the unreachable default fail at once instead of backing off and retrying.
    ...(options.endpointUrl === undefined && { AWS_MAX_ATTEMPTS: "1" }),
  });
  const { handler, manifest } = await load(options.app, entry, handlerName, onLog);
  validateManifest(manifest);
  hostOptions.validateManifest?.(manifest);
  const { functionName } = physicalNames(manifest, stage);
  environment.set(pick(variables(functionName), (name) => FUNCTION_NAMED.has(name)));
  return {
    handler,
    manifest,
    stage,
    identity: identity(functionName),
    timeoutSeconds: settings.timeoutSeconds,
    logStreamName,
  };
}

async function stageConfig(entry: string | undefined, stage: string): Promise<StageConfig> {
  return entry
    ? loadStageConfig(dirname(entry), { stage })
    : readStageConfig(undefined, stage, `${CONFIG_DIR}/config.json`);
}

async function load(
  app: TestableApp | undefined,
  entry: string | undefined,
  handlerName: string,
  onLog: (line: LogLine) => void,
): Promise<{ handler: LambdaHandler; manifest: DomovoiManifest }> {
  // Through JSON, as the host reads a manifest, so that both see the same plain data.
  if (app) return { handler: app.handler, manifest: JSON.parse(JSON.stringify(app.manifest())) };
  const init = new CapturedLog(undefined, onLog);
  try {
    return await logCapture.run(init, () => loadApp(pathToFileURL(entry!).href, handlerName));
  } finally {
    init.flush();
  }
}

function pick(
  variables: Record<string, string>,
  keep: (name: string) => boolean,
): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).filter(([name]) => keep(name)));
}
