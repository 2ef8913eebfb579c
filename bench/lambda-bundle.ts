import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BuildOptions, build } from "esbuild";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const RUNTIME_ENTRY = join(ROOT, "packages/runtime/src/index.ts");

/**
 * How a Lambda deployment bundles the app, and the settings the size targets are stated for:
 * esbuild, ESM, minified, for Node 22, with the AWS SDK left to the Lambda runtime. Workspace
 * packages resolve to their sources.
 */
export const LAMBDA_BUNDLE = {
  bundle: true,
  format: "esm",
  minify: true,
  platform: "node",
  target: "node22",
  external: ["@aws-sdk/*"],
  conditions: ["source"],
  logLevel: "error",
  absWorkingDir: ROOT,
} as const satisfies BuildOptions;

/**
 * Imports the runtime as a deployment runs it: bundled by esbuild. Under tsx, the sources would
 * run through its per-file transform instead, which wraps every closure created at run time in a
 * `__name` call (keepNames) and so slows down exactly the code a benchmark measures.
 */
export async function importBundledRuntime<M>(outdir: string): Promise<M> {
  const outfile = join(outdir, "runtime.mjs");
  await build({ ...LAMBDA_BUNDLE, entryPoints: [RUNTIME_ENTRY], outfile });
  return (await import(pathToFileURL(outfile).href)) as M;
}
