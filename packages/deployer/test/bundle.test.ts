import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCodePackage, type CodePackage, createZip } from "../src/index.js";
import { BARTENDER_APP } from "./support/bartender.js";
import { readZip } from "./support/read-zip.js";

const run = promisify(execFile);
let projectDir: string;
let code: CodePackage;

/** A bartender project with a staged file (and an executable one) under domovoilib/. */
beforeAll(async () => {
  projectDir = await mkdtemp(join(tmpdir(), "domovoi-bundle-"));
  await writeFile(
    join(projectDir, "app.ts"),
    `export { app, handler } from ${JSON.stringify(BARTENDER_APP)};\n`,
  );
  await mkdir(join(projectDir, "domovoilib/certs"), { recursive: true });
  await writeFile(join(projectDir, "domovoilib/certs/rds.pem"), "-----BEGIN CERTIFICATE-----\n");
  await writeFile(join(projectDir, "domovoilib/run.sh"), "#!/bin/sh\n");
  await chmod(join(projectDir, "domovoilib/run.sh"), 0o755);
  code = await buildCodePackage({ projectDir, entry: "app.ts", conditions: ["source"] });
}, 60_000);

describe("the deployment package", () => {
  it("holds the minified ES module, its source map and the staged files", () => {
    const entries = readZip(code.zip);
    expect(entries.map((e) => e.path)).toEqual([
      "app.mjs",
      "app.mjs.map",
      "domovoilib/certs/rds.pem",
      "domovoilib/run.sh",
    ]);
    const module = entries[0]!.data.toString("utf8");
    expect(module).toMatch(/export\{[^}]*as handler/);
    expect(module).toContain("//# sourceMappingURL=app.mjs.map");
    expect(module).not.toMatch(/\n {2}/);
    // The SDK is the Lambda runtime's; the app's import of it stays an import.
    expect(module).toMatch(/from"@aws-sdk\/client-sns"/);
    const map = JSON.parse(entries[1]!.data.toString("utf8"));
    expect(map.sources.some((source: string) => source.endsWith("examples/bartender/app.ts"))).toBe(
      true,
    );
    expect(entries.map((e) => e.mode & 0o777)).toEqual([0o644, 0o644, 0o644, 0o755]);
  });

  it("is the same bytes every time, with fixed timestamps", async () => {
    const again = await buildCodePackage({ projectDir, entry: "app.ts", conditions: ["source"] });
    expect(again.sha256).toBe(code.sha256);
    expect(Buffer.compare(again.zip, code.zip)).toBe(0);
    for (const entry of readZip(code.zip)) {
      expect([entry.dosDate, entry.dosTime]).toEqual([0x21, 0]);
    }
  });

  it("has the same SHA-256 under TZ=UTC and TZ=Asia/Tokyo", async () => {
    const script = join(dirname(fileURLToPath(import.meta.url)), "support/print-package-sha.ts");
    const shaUnder = async (TZ: string) =>
      (
        await run(
          process.execPath,
          ["--import", "tsx", "--conditions=source", script, projectDir],
          {
            env: { ...process.env, TZ },
          },
        )
      ).stdout.trim();
    const [utc, tokyo] = await Promise.all([shaUnder("UTC"), shaUnder("Asia/Tokyo")]);
    expect(utc).toBe(tokyo);
    expect(utc).toBe(code.sha256);
  }, 60_000);
});

describe("createZip", () => {
  it("sorts entries and round-trips their bytes", () => {
    const zip = createZip([
      { path: "b.txt", data: Buffer.from("bee") },
      { path: "a/ü.txt", data: Buffer.from("ünïcödé") },
    ]);
    expect(readZip(zip).map((e) => [e.path, e.data.toString()])).toEqual([
      ["a/ü.txt", "ünïcödé"],
      ["b.txt", "bee"],
    ]);
  });
});
