import { fork } from "node:child_process";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { DomovoiManifest } from "@domovoi/runtime";
import { AppLoadError } from "../errors.js";

// The child is this folder's manifest-child, as TypeScript when run from sources.
const CHILD = fileURLToPath(
  new URL(`./manifest-child${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/**
 * Imports the app's entry in a child Node.js process with tsx and returns its manifest. The
 * app's console output goes to stderr, keeping stdout for the deployer's own (`--json`).
 */
export function loadManifest(
  entry: string,
  conditions: readonly string[] = [],
): Promise<DomovoiManifest> {
  const child = fork(CHILD, [entry], {
    execArgv: [
      "--import",
      import.meta.resolve("tsx"),
      ...conditions.map((c) => `--conditions=${c}`),
    ],
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  child.stdout?.pipe(process.stderr, { end: false });
  return new Promise((resolve, reject) => {
    child.once("message", (reply: { manifest?: DomovoiManifest; error?: string }) => {
      if (reply.manifest) resolve(reply.manifest);
      else reject(new AppLoadError(`Loading ${entry} failed: ${reply.error}`));
    });
    child.once("error", (error) =>
      reject(new AppLoadError(`Loading ${entry} failed`, { cause: error })),
    );
    child.once("exit", (code) =>
      reject(new AppLoadError(`Loading ${entry} failed: the process exited with code ${code}`)),
    );
  });
}
