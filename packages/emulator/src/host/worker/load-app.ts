import type { AppManifest } from "../host-options.js";
import { RuntimeError } from "./error-format.js";

/** A function the runtime can call with `(event, context, callback)`. */
export type Handler = (event: unknown, context: unknown, callback: unknown) => unknown;

export interface LoadedApp {
  readonly handler: Handler;
  readonly isAsync: boolean;
  /** `app.manifest()`, as plain JSON data. */
  readonly manifest: AppManifest;
}

/**
 * Evaluates the app's module and finds what the emulator needs in it: the `handler` Lambda calls
 * and the Domovoi `app` whose manifest describes the registrations. Failures carry the error
 * types the Node.js runtime reports for them (`Runtime.UserCodeSyntaxError`, ...).
 */
export async function loadApp(entryUrl: string, handlerName: string): Promise<LoadedApp> {
  const exports = await importModule(entryUrl);
  const handler = exports.handler;
  if (handler === undefined || handler === null) {
    throw new RuntimeError(
      "Runtime.HandlerNotFound",
      `${handlerName} is undefined or not exported`,
    );
  }
  if (typeof handler !== "function") {
    throw new RuntimeError("Runtime.HandlerNotFound", `${handlerName} is not a function`);
  }
  return {
    handler: handler as Handler,
    isAsync: handler.constructor?.name === "AsyncFunction",
    manifest: readManifest(exports.app, handlerName),
  };
}

async function importModule(entryUrl: string): Promise<Record<string, unknown>> {
  try {
    return (await import(entryUrl)) as Record<string, unknown>;
  } catch (error) {
    throw classifyImportError(error);
  }
}

function classifyImportError(error: unknown): unknown {
  const { name, code, message } = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
  };
  // TypeScript syntax errors come from tsx's esbuild transform as `TransformError`.
  if (name === "SyntaxError" || name === "TransformError") {
    const syntaxError = new RuntimeError("Runtime.UserCodeSyntaxError", `SyntaxError: ${message}`);
    syntaxError.stack = (error as Error).stack;
    return syntaxError;
  }
  if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
    return new RuntimeError("Runtime.ImportModuleError", String(error));
  }
  return error;
}

function readManifest(app: unknown, handlerName: string): AppManifest {
  const appName = `${handlerName.slice(0, handlerName.lastIndexOf("."))}.app`;
  const manifest = (app as { manifest?: unknown } | null | undefined)?.manifest;
  if (typeof manifest !== "function") {
    throw new RuntimeError(
      "Domovoi.AppNotFound",
      `${appName} is undefined or not a Domovoi app: export the app (export const app = new Domovoi(...)) beside the handler`,
    );
  }
  const description: unknown = JSON.parse(JSON.stringify(manifest.call(app)));
  const {
    app: name,
    registrations,
    stateMachines,
  } = (description ?? {}) as Record<string, unknown>;
  if (typeof name !== "string") {
    throw new RuntimeError(
      "Domovoi.InvalidManifest",
      `${appName}.manifest() must name the app (its "app" field)`,
    );
  }
  // The host validates the registrations, so their lists must be there to be read.
  if (!Array.isArray(registrations) || !Array.isArray(stateMachines)) {
    throw new RuntimeError(
      "Domovoi.InvalidManifest",
      `${appName}.manifest() must list the app's "registrations" and "stateMachines"`,
    );
  }
  return description as AppManifest;
}
