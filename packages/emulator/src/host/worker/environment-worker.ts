import * as inspector from "node:inspector";
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import type {
  HostMessage,
  InspectorSettings,
  InvokeRequest,
  LoadRequest,
  WorkerMessage,
} from "../protocol.js";
import { ConsoleCapture } from "./console-capture.js";
import { formatError, RuntimeError } from "./error-format.js";
import { type LoadedApp, loadApp } from "./load-app.js";
import { type Invocation, runHandler } from "./run-handler.js";

/*
 * One execution environment: a worker thread that loads the app once and then runs one
 * invocation at a time, like the Node.js runtime in a Lambda sandbox. While an invocation is
 * open the port to the host is unreferenced, so that "the event loop is empty" can be observed
 * (`beforeExit`) exactly as the runtime observes it.
 */

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const capture = new ConsoleCapture((line) => post({ type: "log", line }));
let app: LoadedApp | undefined;
let current: Invocation | undefined;

function openInspector({ host, port: inspectorPort, wait }: InspectorSettings): void {
  try {
    inspector.open(inspectorPort, host, false);
  } catch (error) {
    process.stderr.write(`Cannot open the debugger on ${host}:${inspectorPort}: ${error}\n`);
    return;
  }
  post({ type: "inspector", url: inspector.url() ?? "" });
  if (wait) inspector.waitForDebugger();
}

async function load(request: LoadRequest): Promise<void> {
  Object.assign(process.env, request.env);
  capture.install();
  // Stack traces and debuggers then point into the app's TypeScript, not tsx's output.
  process.setSourceMapsEnabled(true);
  if (request.inspector) openInspector(request.inspector);
  const started = performance.now();
  try {
    app = await loadApp(request.entryUrl, request.handlerName);
    post({
      type: "loaded",
      manifest: app.manifest,
      initDurationMs: performance.now() - started,
      memoryUsedMb: memoryUsedMb(),
    });
  } catch (error) {
    capture.logError("Uncaught Exception", error);
    post({
      type: "loadFailed",
      error: formatError(error),
      initDurationMs: performance.now() - started,
    });
  }
}

async function invoke(request: InvokeRequest): Promise<void> {
  capture.requestId = request.requestId;
  port.unref();
  current = runHandler(app!.handler, app!.isAsync, request, process.env, (message, error) =>
    capture.logError(message, error),
  );
  const outcome = await current.outcome;
  current = undefined;
  capture.flush();
  post({
    type: "result",
    requestId: request.requestId,
    payload: outcome.payload,
    error: outcome.error,
    memoryUsedMb: memoryUsedMb(),
  });
  port.ref();
}

function memoryUsedMb(): number {
  const heap = getHeapStatistics();
  return Math.ceil((heap.used_heap_size + heap.external_memory) / 2 ** 20);
}

function fatal(message: string, error: unknown): void {
  capture.logError(message, error);
  capture.flush();
  post({ type: "fatal", error: formatError(error) });
}

process.on("beforeExit", () => current?.onEmptyEventLoop());
process.on("uncaughtException", (error) => fatal("Uncaught Exception", error));
process.on("unhandledRejection", (reason, promise) => {
  const error = new RuntimeError("Runtime.UnhandledPromiseRejection", describe(reason));
  Object.assign(error, { reason, promise });
  fatal("Unhandled Promise Rejection", error);
});

function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

port.on("message", (message: HostMessage) => {
  switch (message.type) {
    case "load":
      void load(message);
      break;
    case "invoke":
      void invoke(message);
      break;
    case "setEnv":
      Object.assign(process.env, message.env);
      break;
    case "openInspector":
      openInspector(message.inspector);
      break;
  }
});
