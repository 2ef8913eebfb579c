import { mkdir, open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { CONFIG_DIR } from "@domovoi/runtime/config";
import { DeployLockedError } from "../errors.js";

interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

export interface StageLock {
  release(): Promise<void>;
}

export function lockPath(projectDir: string, stage: string): string {
  return join(projectDir, CONFIG_DIR, "deployed", `${stage}.lock`);
}

/**
 * Takes the stage's lock, so that two deploys of one stage never interleave their steps.
 * `force` overrides a lock left behind by a deploy that died (the error says when it looks so).
 */
export async function acquireLock(
  projectDir: string,
  stage: string,
  { force = false } = {},
): Promise<StageLock> {
  const path = lockPath(projectDir, stage);
  await mkdir(dirname(path), { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  try {
    const file = await open(path, force ? "w" : "wx");
    await file.writeFile(JSON.stringify(holder));
    await file.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new DeployLockedError(await lockedMessage(path, stage));
  }
  return { release: () => rm(path, { force: true }) };
}

async function lockedMessage(path: string, stage: string): Promise<string> {
  const holder = await readFile(path, "utf8")
    .then((text) => JSON.parse(text) as LockHolder)
    .catch(() => undefined);
  const who = holder
    ? `process ${holder.pid} on ${holder.host} since ${holder.startedAt}`
    : "an unknown process";
  const stale = holder !== undefined && holder.host === hostname() && !isRunning(holder.pid);
  return (
    `Stage ${stage} is being deployed by ${who} (${path}). ` +
    (stale
      ? "That process is no longer running: the lock is stale; override it with --force-unlock."
      : "Wait for it to finish, or override a stale lock with --force-unlock.")
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
