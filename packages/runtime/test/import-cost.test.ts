import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Source files that import a module starting with `specifier` at load time, not lazily. */
function eagerImporters(specifier: string): string[] {
  const eager = new RegExp(`^import\\s+(?!type\\b)[^;]*?from\\s+"${specifier}`, "m");
  return sources(SRC).filter((file) => eager.test(readFileSync(file, "utf8")));
}

describe("importing the runtime", () => {
  it("loads no AWS SDK: SDK modules are imported as types or dynamically only", () => {
    expect(eagerImporters("@aws-sdk/")).toEqual([]);
  });

  it("loads node:zlib on the first logs event, not at import", () => {
    expect(eagerImporters('node:zlib"')).toEqual([]);
  });
});
