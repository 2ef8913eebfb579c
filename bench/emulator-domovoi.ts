import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DevFile } from "../packages/emulator/src/dev/dev-file.js";
import { type InvokeTarget, invoke, lambdaClient } from "./emulator-invoke.js";
import { type ChildProcesses, type PollLimits, poll, type Server } from "./emulator-process.js";
import { ROOT } from "./lambda-bundle.js";

const CLI = join(ROOT, "packages/emulator/bin/domovoi.js");
export const QUEUE = "bench-orders";

/** The app's source, returning `version`: an edit changes nothing else. */
function appSource(version: number): string {
  return `import { Domovoi } from "@domovoi/runtime";

export const app = new Domovoi({ name: "bench" });

app.sqsQueueSubscriber(${JSON.stringify(QUEUE)}, async () => ({ version: ${version} }));

export const handler = app.handler;
`;
}

/** A copy of the small app in a fresh folder outside the repository, as a user's project. */
export interface BenchProject {
  readonly dir: string;
  /** Rewrites app.ts so that the handler returns `version`. */
  setVersion(version: number): Promise<void>;
  remove(): Promise<void>;
}

export async function createProject(version: number): Promise<BenchProject> {
  const dir = await mkdtemp(join(tmpdir(), "domovoi-bench-emulator-"));
  // The repository's dependencies resolve `@domovoi/runtime`; the watcher ignores node_modules.
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  await writeFile(join(dir, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
  const setVersion = (next: number) => writeFile(join(dir, "app.ts"), appSource(next));
  await setVersion(version);
  return { dir, setVersion, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A running `domovoi dev` and the target for its Lambda Invoke API. */
export interface DomovoiDev {
  readonly server: Server;
  readonly target: InvokeTarget;
}

const READY: PollLimits = { timeoutMs: 60_000, intervalMs: 5 };

/**
 * Spawns `domovoi dev app.ts --port 0` in `project` (the bin script, as `npx domovoi` runs it
 * without npx's own start-up) and waits for its `.domovoi/dev.json`, which it writes once it
 * serves the app.
 */
async function startDomovoiDev(
  processes: ChildProcesses,
  project: BenchProject,
): Promise<DomovoiDev> {
  // The bench's own AWS settings stay out: the emulator brings its own.
  const { AWS_ENDPOINT_URL: _endpoint, AWS_PROFILE: _profile, ...env } = process.env;
  const server = processes.start({
    label: "domovoi dev",
    command: process.execPath,
    args: [CLI, "dev", "app.ts", "--port", "0"],
    cwd: project.dir,
    env,
  });
  const devFile = await poll(
    "domovoi dev's .domovoi/dev.json",
    server,
    async () =>
      JSON.parse(await readFile(join(project.dir, ".domovoi/dev.json"), "utf8")) as DevFile,
    READY,
  );
  const target = {
    name: "domovoi dev",
    client: lambdaClient(devFile.url),
    functionName: devFile.functionName,
  };
  return { server, target };
}

/** Milliseconds from spawning `domovoi dev` to its first successful invocation. */
export async function timeToFirstInvoke(
  processes: ChildProcesses,
  project: BenchProject,
  payload: Uint8Array,
): Promise<{ readonly dev: DomovoiDev; readonly ms: number }> {
  const dev = await startDomovoiDev(processes, project);
  await poll("the first invocation", dev.server, () => invoke(dev.target, payload), READY);
  return { dev, ms: performance.now() - dev.server.startedAt };
}
