import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The shared test corpora live beside the repository (`../shared/corpora`), never copied into
 * it; `DOMOVOI_CORPORA` points elsewhere when a checkout is laid out differently.
 */
export const corporaDir = process.env.DOMOVOI_CORPORA ?? resolve(repoRoot, "../shared/corpora");

export function readCorpus<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(resolve(corporaDir, relativePath), "utf8")) as T;
}

/**
 * Known failures of a conformance corpus: case id to the reason it still fails. Tests run these
 * cases with `it.fails`, so a case that starts passing is noticed and taken off the list.
 */
export function readKnownFailures(file: string): Record<string, string> {
  const path = resolve(repoRoot, "test/conformance/known-failures", file);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
}
