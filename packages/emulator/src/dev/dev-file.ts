import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DomovoiError } from "@domovoi/runtime";
import { CONFIG_DIR } from "@domovoi/runtime/config";

/** What a running `domovoi dev` tells other commands about itself. */
export interface DevFile {
  readonly port: number;
  readonly pid: number;
  readonly url: string;
  readonly stage: string;
  readonly functionName: string;
  readonly region: string;
}

/** No `domovoi dev` runs for the project, or its file is unreadable. */
export class DevServerNotFoundError extends DomovoiError {}

export function devFilePath(projectDir: string): string {
  return join(projectDir, CONFIG_DIR, "dev.json");
}

export async function writeDevFile(projectDir: string, file: DevFile): Promise<void> {
  await mkdir(join(projectDir, CONFIG_DIR), { recursive: true });
  await writeFile(devFilePath(projectDir), `${JSON.stringify(file, null, 2)}\n`);
}

/** Removes the file if it is still this process's: a newer server may have replaced it. */
export async function removeDevFile(projectDir: string, pid = process.pid): Promise<void> {
  const current = await readDevFile(projectDir).catch(() => undefined);
  if (current?.pid === pid) await rm(devFilePath(projectDir), { force: true });
}

/**
 * The running server's file.
 * @throws DevServerNotFoundError when there is none, or its process has ended.
 */
export async function readDevFile(projectDir: string): Promise<DevFile> {
  const path = devFilePath(projectDir);
  let file: DevFile;
  try {
    file = JSON.parse(await readFile(path, "utf8")) as DevFile;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new DevServerNotFoundError(
      missing
        ? `No domovoi dev server runs for ${projectDir} (no ${path}): start one with \`domovoi dev\`, or use --in-process.`
        : `Cannot read ${path}: ${(error as Error).message}`,
    );
  }
  if (
    typeof file?.url !== "string" ||
    typeof file.functionName !== "string" ||
    !isAlive(file.pid)
  ) {
    throw new DevServerNotFoundError(
      `${path} names a domovoi dev server that no longer runs: start one with \`domovoi dev\`, or use --in-process.`,
    );
  }
  return file;
}

function isAlive(pid: unknown): boolean {
  if (typeof pid !== "number") return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
