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

describe("importing the runtime", () => {
  it("loads no AWS SDK: SDK modules are imported as types or dynamically only", () => {
    const eager = /^import\s+(?!type\b)[^;]*?from\s+"@aws-sdk\//m;
    const offenders = sources(SRC).filter((file) => eager.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
