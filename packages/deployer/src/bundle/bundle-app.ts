import { build } from "esbuild";
import { DeployError } from "../errors.js";
import type { ZipEntry } from "./zip.js";

export interface BundleOptions {
  readonly projectDir: string;
  /** The app's entry module, relative to the project. */
  readonly entry: string;
  /** Extra package export conditions (the checkout's packages export sources under `source`). */
  readonly conditions?: readonly string[];
}

/** The module Lambda loads: `app.mjs`, whose `handler` export is the function's handler. */
export const BUNDLE_FILE = "app.mjs";
export const LAMBDA_HANDLER = "app.handler";

// ESM bundles of CommonJS dependencies may call require() for Node built-ins.
const REQUIRE_SHIM =
  "import{createRequire as __domovoiRequire}from'node:module';const require=__domovoiRequire(import.meta.url);";

/**
 * Bundles the app for Lambda's Node.js 22 runtime: one minified ES module with its source map,
 * and the AWS SDK left out since the runtime provides it.
 */
export async function bundleApp({
  projectDir,
  entry,
  conditions = [],
}: BundleOptions): Promise<ZipEntry[]> {
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: { app: entry },
    outdir: "dist-lambda",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    minify: true,
    sourcemap: "linked",
    sourcesContent: true,
    conditions: [...conditions],
    external: ["@aws-sdk/*"],
    banner: { js: REQUIRE_SHIM },
    legalComments: "none",
    write: false,
    logLevel: "silent",
  }).catch((error: unknown) => {
    throw new DeployError(`Bundling ${entry} failed: ${(error as Error).message}`, {
      cause: error,
    });
  });
  return result.outputFiles.map((file) => ({
    path: file.path.slice(file.path.lastIndexOf("/") + 1),
    data: file.contents,
  }));
}
