import type { AppManifest } from "./host-options.js";
import type { LambdaError } from "./lambda-error.js";
import type { LogLine } from "./log-line.js";

/** What an environment's worker thread starts with. */
export interface BootData {
  /** Files of tsx's ESM and CommonJS registration APIs, resolved by the host. */
  readonly tsxEsmApi: string;
  readonly tsxCjsApi: string;
  /** URL of the environment's own code (`worker/environment-worker`). */
  readonly workerModule: string;
  /** A resolve hook adding the `source` export condition, when the emulator runs from sources. */
  readonly sourceConditionHook: string | undefined;
}

export interface InspectorSettings {
  readonly host: string;
  readonly port: number;
  /** Wait for a debugger to attach before running the app's module. */
  readonly wait: boolean;
}

export interface LoadRequest {
  readonly type: "load";
  /** File URL of the app's entry module. */
  readonly entryUrl: string;
  /** `_HANDLER`, used in Lambda's error messages (`app.handler is undefined or not exported`). */
  readonly handlerName: string;
  readonly env: Readonly<Record<string, string>>;
  /** Set when this environment holds the debugger port; it opens before the module runs. */
  readonly inspector: InspectorSettings | undefined;
}

export interface InvokeRequest {
  readonly type: "invoke";
  readonly requestId: string;
  /** The event as JSON text, parsed in the environment as the runtime parses it. */
  readonly payload: string;
  /** Epoch milliseconds by which the invocation must finish. */
  readonly deadline: number;
  readonly invokedFunctionArn: string;
  readonly clientContext: unknown;
  readonly identity: unknown;
}

export type HostMessage =
  | LoadRequest
  | InvokeRequest
  /** Late environment variables, for the environment that loaded before the function was named. */
  | { readonly type: "setEnv"; readonly env: Readonly<Record<string, string>> }
  | { readonly type: "openInspector"; readonly inspector: InspectorSettings };

export type WorkerMessage =
  | {
      readonly type: "loaded";
      readonly manifest: AppManifest;
      readonly initDurationMs: number;
      readonly memoryUsedMb: number;
    }
  | { readonly type: "loadFailed"; readonly error: LambdaError; readonly initDurationMs: number }
  | { readonly type: "log"; readonly line: LogLine }
  | {
      readonly type: "result";
      readonly requestId: string;
      /** The JSON text of the result, or undefined when `error` is set. */
      readonly payload: string | undefined;
      readonly error: LambdaError | undefined;
      readonly memoryUsedMb: number;
    }
  /** An uncaught exception or unhandled rejection: the runtime would exit now. */
  | { readonly type: "fatal"; readonly error: LambdaError }
  | { readonly type: "inspector"; readonly url: string };
