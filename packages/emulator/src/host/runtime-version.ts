import type { LambdaRuntime } from "@domovoi/runtime/config";

/** The Node.js major version a Lambda runtime identifier runs (`nodejs22.x` runs 22). */
export function runtimeNodeMajor(runtime: LambdaRuntime): number {
  return Number(/^nodejs(\d+)\.x$/.exec(runtime)?.[1]);
}

/**
 * A warning when the local Node.js major version is not the one the stage deploys to, since
 * language features and built-in modules differ between majors; undefined when they match.
 */
export function runtimeMismatchWarning(
  runtime: LambdaRuntime,
  localVersion: string = process.versions.node,
): string | undefined {
  const expected = runtimeNodeMajor(runtime);
  const local = Number(localVersion.split(".")[0]);
  if (local === expected) return undefined;
  return `The stage runs ${runtime} (Node.js ${expected}) but the emulator runs on the local Node.js ${localVersion}: code may behave differently once deployed.`;
}
