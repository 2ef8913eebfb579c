import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../../src/cli/command.js";

export const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
export const CLI = join(REPO, "packages/emulator/bin/domovoi.js");

/** An in-memory terminal for `runCli`. */
export function memoryIo(
  cwd: string = REPO,
): CliIo & { readonly stdout: string; readonly stderr: string } {
  let stdout = "";
  let stderr = "";
  return {
    cwd,
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    untilInterrupted: () => new Promise(() => undefined),
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

export interface TempProject {
  readonly dir: string;
  write(file: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A project folder outside the repository, as a user's would be, whose `node_modules` is the
 * repository's (so that `@domovoi/runtime` resolves).
 */
export async function tempProject(files: Readonly<Record<string, string>>): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), "domovoi-cli-"));
  await symlink(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  const write = async (file: string, text: string) => {
    await mkdir(join(dir, file, ".."), { recursive: true });
    await writeFile(join(dir, file), text);
  };
  await write("package.json", JSON.stringify({ type: "module" }));
  for (const [file, text] of Object.entries(files)) await write(file, text);
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `domovoi ...args` as a user would, to completion. */
export function runCliProcess(args: readonly string[], cwd: string): Promise<CliRun> {
  const child = spawnCli(args, cwd);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function spawnCli(args: readonly string[], cwd: string): ChildProcess {
  // The test runner's AWS settings stay out: the CLI must bring its own.
  const { AWS_ENDPOINT_URL: _endpoint, ...env } = process.env;
  return spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
}
