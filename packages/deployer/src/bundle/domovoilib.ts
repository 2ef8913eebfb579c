import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { ZipEntry } from "./zip.js";

/** The folder whose files are staged at the same relative path (Chalice's `chalicelib`). */
export const STAGED_DIR = "domovoilib";

/** Every file under `<project>/domovoilib`, as `domovoilib/<path>` entries; none if absent. */
export async function stagedFiles(projectDir: string): Promise<ZipEntry[]> {
  const root = join(projectDir, STAGED_DIR);
  const files = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    },
  );
  return Promise.all(
    files
      .filter((file) => file.isFile())
      .map(async (file) => {
        const path = join(file.parentPath, file.name);
        const { mode } = await stat(path);
        return {
          path: relative(projectDir, path).split(sep).join("/"),
          data: await readFile(path),
          executable: (mode & 0o111) !== 0,
        };
      }),
  );
}
