import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Metafile } from "esbuild";
import { LAMBDA_BUNDLE, ROOT, RUNTIME_ENTRY } from "./lambda-bundle.js";

/**
 * What the runtime costs a Lambda cold start: the time to import it (bundled, as a deployment
 * loads it, and as the built `dist/`) over importing an empty module, each in a fresh Node
 * process, and the bundled size of the example app.
 */

/** How esbuild's metafile names the runtime's sources (relative to ROOT). */
const RUNTIME_SRC = "packages/runtime/src/";
const EXAMPLE_ENTRY = join(ROOT, "examples/bartender/app.ts");
const IMPORT_RUNS = 21;
const IMPORT_TARGET_MS = 10;
const BUNDLE_TARGET_BYTES = 40 * 1024;

interface BundleSize {
  /** The entry chunk alone. */
  readonly entryBytes: number;
  /** The entry and every chunk it imports statically: what loading the module reads. */
  readonly loadedBytes: number;
  /** Every chunk, including those only imported dynamically (on first use). */
  readonly totalBytes: number;
  /** Bytes in the output by source file, largest first. */
  readonly inputs: readonly (readonly [file: string, bytes: number])[];
}

/** Bundles `entry` into `outdir` (with ESM code splitting) and measures what came out. */
async function bundleSize(entry: string, outdir: string): Promise<BundleSize> {
  const { metafile } = await build({
    ...LAMBDA_BUNDLE,
    metafile: true,
    entryPoints: [entry],
    outdir,
    splitting: true,
    entryNames: "[name]",
    outExtension: { ".js": ".mjs" },
  });
  return sizesOf(metafile!);
}

function sizesOf(metafile: Metafile): BundleSize {
  const outputs = Object.entries(metafile.outputs).filter(([path]) => !path.endsWith(".map"));
  const entry = outputs.find(([, output]) => output.entryPoint !== undefined);
  if (!entry) throw new Error("esbuild produced no entry chunk");
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const { path: imported, kind, external } of metafile.outputs[path]?.imports ?? []) {
      if (!external && kind === "import-statement") visit(imported);
    }
  };
  visit(entry[0]);
  const byInput = new Map<string, number>();
  for (const [, output] of outputs) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      byInput.set(file, (byInput.get(file) ?? 0) + bytesInOutput);
    }
  }
  const bytesOf = (paths: Iterable<string>) =>
    [...paths].reduce((sum, path) => sum + (metafile.outputs[path]?.bytes ?? 0), 0);
  return {
    entryBytes: entry[1].bytes,
    loadedBytes: bytesOf(loaded),
    totalBytes: bytesOf(outputs.map(([path]) => path)),
    inputs: [...byInput].sort((a, b) => b[1] - a[1]),
  };
}

interface ImportTime {
  readonly median: number;
  /** The least disturbed run: on a busy machine, the closest to the cost itself. */
  readonly fastest: number;
}

/**
 * Milliseconds that `import()` of each module takes in a fresh Node process. Targets take turns,
 * so that a slow spell of the machine does not fall on one of them only.
 */
function importTimes(modules: readonly string[], harness: string): ImportTime[] {
  const samples = modules.map((): number[] => []);
  for (let run = 0; run < IMPORT_RUNS; run++) {
    modules.forEach((module, index) => {
      const output = execFileSync(process.execPath, [harness, pathToFileURL(module).href], {
        encoding: "utf8",
      });
      samples[index]!.push(Number(output));
    });
  }
  return samples.map((times) => {
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, fastest: times[0]! };
  });
}

const HARNESS = `const start = performance.now();
await import(process.argv[2]);
process.stdout.write(String(performance.now() - start));
`;

export const RUNTIME_SIZE_TITLE = "What the runtime adds to a Lambda cold start";

/** The printed report of `npm run bench -- runtime-size`, under RUNTIME_SIZE_TITLE. */
export async function reportRuntimeSize(): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), "domovoi-runtime-size-"));
  try {
    const runtime = await bundleSize(RUNTIME_ENTRY, join(work, "runtime"));
    const example = await bundleSize(EXAMPLE_ENTRY, join(work, "example"));
    const empty = join(work, "empty.mjs");
    const harness = join(work, "harness.mjs");
    writeFileSync(empty, "export {};\n");
    writeFileSync(harness, HARNESS);
    const [emptyMs, bundledMs, distMs] = importTimes(
      [empty, join(work, "runtime/index.mjs"), compileDist(join(work, "dist"))],
      harness,
    ) as [ImportTime, ImportTime, ImportTime];
    return [
      `  Import time, median of ${IMPORT_RUNS} fresh Node ${process.version} processes each`,
      row(
        "empty module",
        `${emptyMs.median.toFixed(2)} ms`,
        `fastest ${emptyMs.fastest.toFixed(2)} ms`,
      ),
      importRow("runtime bundled (esbuild, minified)", bundledMs, emptyMs),
      importRow("runtime as tsc builds it (dist/)", distMs, emptyMs),
      "",
      "  Bundled size (esbuild, ESM, minified, platform node, target node22, @aws-sdk/* external)",
      sizeRows("runtime (src/index.ts)", runtime),
      sizeRows("examples/bartender/app.ts", example),
      "",
      `  The example bundle by folder of ${RUNTIME_SRC}:`,
      ...byFolder(example),
    ].join("\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Compiles the runtime's current sources as its build does (tsc, one module per file), into
 * `outdir` rather than dist/, which stays as the last `npm run build` left it. Type errors (work
 * in progress elsewhere in the package) do not stop tsc from emitting.
 */
function compileDist(outdir: string): string {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const options = ["--outDir", outdir, "--composite", "false", "--incremental", "false"];
  const noFiles = ["--declaration", "false", "--declarationMap", "false", "--sourceMap", "false"];
  try {
    execFileSync(process.execPath, [tsc, "-p", "packages/runtime", ...options, ...noFiles], {
      cwd: ROOT,
      stdio: "pipe",
    });
  } catch {
    // Emitted all the same; the import below fails if it was not.
  }
  return join(outdir, "index.js");
}

function row(name: string, figure: string, note: string): string {
  return `  ${name.padEnd(38)}${figure.padStart(12)}  ${note}`.trimEnd();
}

function importRow(name: string, time: ImportTime, empty: ImportTime): string {
  const over = time.median - empty.median;
  const verdict = over < IMPORT_TARGET_MS ? "meets" : "misses";
  const fastest = (time.fastest - empty.fastest).toFixed(2);
  return row(
    name,
    `${time.median.toFixed(2)} ms`,
    `${over.toFixed(2)} ms over empty (${verdict} the < ${IMPORT_TARGET_MS} ms target); fastest runs ${fastest} ms apart`,
  );
}

function sizeRows(name: string, size: BundleSize): string {
  const verdict = size.loadedBytes < BUNDLE_TARGET_BYTES ? "meets" : "misses";
  const lines = [
    row(
      name,
      kb(size.loadedBytes),
      `loaded at import (${verdict} the < ${kb(BUNDLE_TARGET_BYTES)} target)`,
    ),
  ];
  if (size.totalBytes !== size.loadedBytes) {
    lines.push(
      row("", kb(size.entryBytes), "entry chunk"),
      row("", kb(size.totalBytes), "all chunks, with those imported on first use"),
    );
  }
  return lines.join("\n");
}

/** Bytes by folder of the runtime (files at its top level on their own), largest first. */
function byFolder(size: BundleSize): string[] {
  const folders = new Map<string, number>();
  for (const [file, bytes] of size.inputs) {
    const folder =
      file.startsWith(RUNTIME_SRC) && file.slice(RUNTIME_SRC.length).includes("/")
        ? dirname(file)
        : file;
    folders.set(folder, (folders.get(folder) ?? 0) + bytes);
  }
  return [...folders]
    .sort((a, b) => b[1] - a[1])
    .map(([folder, bytes]) => `    ${kb(bytes).padStart(9)}  ${folder.replace(RUNTIME_SRC, "")}`);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`${RUNTIME_SIZE_TITLE}\n${await reportRuntimeSize()}`);
}
