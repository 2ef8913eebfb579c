import { dirname, resolve } from "node:path";
import type { DomovoiManifest } from "@domovoi/runtime";
import { loadStageConfig, type StageConfig } from "@domovoi/runtime/config";
import type { FastifyInstance } from "fastify";
import type { Clock } from "../clock/clock.js";
import { RealClock } from "../clock/real-clock.js";
import { FunctionHost, type FunctionHostOptions, hostOptionsFromStage } from "../host/index.js";
import { RecordingWriter } from "../recording/recording-writer.js";
import { buildEmulatorApp } from "../server/app.js";
import { DEFAULT_PORT, LOOPBACK, listen } from "../server/server.js";
import { createServiceDispatcher, type ServiceDispatcher } from "../services/dispatch.js";
import { createFunctionInvoker, LambdaFunction } from "../services/lambda/index.js";
import { EmulatedAws, forwardFunctionLogs } from "../services/wiring/index.js";
import { type DevReporter, SILENT_REPORTER } from "./dev-reporter.js";
import { DevSchedules } from "./dev-schedules.js";
import { DEV_SDK_IDS, DEV_SERVICES } from "./dev-services.js";
import { PortInUseError } from "./errors.js";
import { deferred, lateDispatcher } from "./late-dispatcher.js";
import type { DevApiContext } from "./routes/dev-api-context.js";
import { DOMOVOI_API_PREFIX, domovoiApi } from "./routes/domovoi-api.js";
import { scheduleFiring } from "./schedule-firing.js";

export interface DevServerOptions {
  /** The app's entry module, such as `app.ts`. */
  readonly entry: string;
  /** Where `.domovoi/` is. Default: the entry's folder. */
  readonly projectDir?: string;
  /** Default `dev`. */
  readonly stage?: string;
  /** Default 4510; 0 takes any free port. */
  readonly port?: number;
  /** Default loopback: another address lets others invoke the function. */
  readonly host?: string;
  /** The clock of schedules, retries and every other delay. Default: real time. */
  readonly clock?: Clock;
  /** Fire the schedules when due. Default true (triggering by hand works either way). */
  readonly schedules?: boolean;
  /** Reload the app when its files change. Default true. */
  readonly watch?: boolean;
  readonly inspect?: FunctionHostOptions["inspect"];
  /** Record every invocation under `.domovoi/recordings/`. Default true. */
  readonly record?: boolean;
  readonly reporter?: DevReporter;
}

/** A running `domovoi dev`: the app's function behind the emulated AWS endpoint. */
export interface DevServer {
  /** Where to send AWS SDK calls and `/_domovoi/` API requests. */
  readonly url: string;
  readonly port: number;
  readonly stage: string;
  readonly region: string;
  readonly functionName: string;
  readonly projectDir: string;
  readonly functionHost: FunctionHost;
  readonly lambda: LambdaFunction;
  readonly schedules: DevSchedules;
  /** The emulated AWS services' state, with the app's resources. */
  readonly aws: EmulatedAws;
  /** The signing names of the emulated AWS services. */
  readonly services: readonly string[];
  /** The manifest of the code now serving. */
  readonly manifest: DomovoiManifest;
  close(): Promise<void>;
}

/**
 * Starts `domovoi dev`: reads the stage's configuration, listens, loads the app into the function
 * host (pointing its calls to the emulated AWS services at this server), creates the app's
 * resources in those services, and runs them, the schedules and the recording. The port is bound
 * first because the app's environment needs it.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const entry = resolve(options.entry);
  const projectDir = resolve(options.projectDir ?? dirname(entry));
  const config = await loadStageConfig(projectDir, { stage: options.stage ?? "dev" });
  const services = deferred<ServiceDispatcher>();
  const context = deferred<DevApiContext>();
  const app = buildEmulatorApp({ dispatcher: lateDispatcher(services.promise) });
  await app.register(domovoiApi, { prefix: DOMOVOI_API_PREFIX, context: context.promise });
  const address = await listenOn(app, options.host ?? LOOPBACK, options.port ?? DEFAULT_PORT);
  try {
    const server = buildParts(options, { entry, projectDir, config, app, url: address.url });
    services.resolve(server.dispatcher);
    context.resolve(server.context);
    await server.start();
    return server.devServer(address.port);
  } catch (error) {
    services.reject(error);
    context.reject(error);
    await app.close();
    throw error;
  }
}

async function listenOn(app: FastifyInstance, host: string, port: number) {
  try {
    return await listen(app, { host, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new PortInUseError(host, port, { cause: error });
    }
    throw error;
  }
}

interface Setting {
  readonly entry: string;
  readonly projectDir: string;
  readonly config: StageConfig;
  readonly app: FastifyInstance;
  readonly url: string;
}

/** Builds the host, the function, its services and schedules, wired to one another. */
function buildParts(options: DevServerOptions, { entry, projectDir, config, app, url }: Setting) {
  const clock = options.clock ?? new RealClock();
  const reporter = options.reporter ?? SILENT_REPORTER;
  const { stage } = config;
  const functionHost = new FunctionHost(
    hostOptionsFromStage(config, {
      entry,
      projectDir,
      endpointUrl: appEndpoint(url),
      endpointServices: DEV_SDK_IDS,
      watch: options.watch ?? true,
      inspect: options.inspect,
    }),
  );
  const region = functionHost.identity.region;
  const recorder =
    options.record === false
      ? undefined
      : new RecordingWriter({ projectDir, onError: (error) => reporter.warning(error.message) });
  const lambda = new LambdaFunction({ host: functionHost, clock, recorder });
  const manifest = () => functionHost.manifest;
  const schedules = new DevSchedules({
    clock,
    running: options.schedules ?? true,
    fire: scheduleFiring({ lambda, clock, region, stage, manifest }),
    onError: (error, name) => reporter.scheduleFailed(name, error),
  });
  const aws = new EmulatedAws({
    clock,
    region,
    stage,
    appFunction: {
      get functionName() {
        return functionHost.functionName;
      },
      invoker: createFunctionInvoker(lambda),
    },
    functionTimeoutSeconds: config.lambdaTimeout,
    onWarning: (message) => reporter.warning(message),
  });
  wireReporter(functionHost, lambda, schedules, reporter);
  wireResources(functionHost, aws, reporter);
  const emulated = DEV_SERVICES.map(({ create }) => create({ lambda, aws }));
  const dispatcher = createServiceDispatcher(emulated, { defaultRegion: region });
  return {
    dispatcher,
    context: { lambda, schedules, clock, region, projectDir } satisfies DevApiContext,
    async start() {
      for (const warning of functionHost.warnings) reporter.warning(warning);
      await functionHost.start();
      try {
        await aws.provision(manifest());
      } catch (error) {
        // The manifest names nothing AWS could create (its physical names do not fit).
        await functionHost.close();
        throw error;
      }
      schedules.update(manifest());
    },
    devServer: (port: number): DevServer => ({
      url,
      port,
      stage,
      region,
      functionName: functionHost.functionName,
      projectDir,
      functionHost,
      lambda,
      schedules,
      aws,
      services: dispatcher.services,
      get manifest() {
        return manifest();
      },
      async close() {
        schedules.stop();
        await aws.close();
        lambda.close();
        await functionHost.close();
        await app.close();
        await recorder?.flush();
      },
    }),
  };
}

function wireReporter(
  functionHost: FunctionHost,
  lambda: LambdaFunction,
  schedules: DevSchedules,
  reporter: DevReporter,
): void {
  functionHost.on("log", (line) => reporter.log(line));
  functionHost.on("inspector", ({ url }) => reporter.inspector(url));
  functionHost.on("reloadFailed", (event) => reporter.reloadFailed(event));
  functionHost.on("reloaded", (event) => {
    // The first load is the start, which the caller announces with everything else.
    if (event.generation === 1) return;
    const changed = schedules.update(event.manifest);
    reporter.reloaded(event, changed ? schedules.list() : []);
  });
  lambda.on("deadLettered", (event) => reporter.deadLettered(event));
  lambda.on("warning", (error) => reporter.warning(error.message));
}

/**
 * The function's output goes to its log group, and each reload brings the app's resources in
 * line with its new manifest (the first load's are provisioned by the start).
 */
function wireResources(functionHost: FunctionHost, aws: EmulatedAws, reporter: DevReporter): void {
  forwardFunctionLogs(functionHost, aws.logs);
  functionHost.on("reloaded", ({ generation, manifest }) => {
    if (generation === 1) return;
    aws.provision(manifest).catch((error: unknown) => reporter.warning(String(error)));
  });
}

/** The app reaches the server over loopback when it listens on every address. */
function appEndpoint(url: string): string {
  const { hostname, port } = new URL(url);
  return hostname === "0.0.0.0" || hostname === "[::]" ? `http://${LOOPBACK}:${port}` : url;
}
