import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FunctionHost,
  type FunctionHostOptions,
  type InvocationResult,
} from "../../src/host/index.js";

/** The entry module of a fixture app of `test/fixtures`. */
export function fixtureEntry(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}/app.ts`, import.meta.url));
}

export const ENDPOINT_URL = "http://127.0.0.1:4566";

export async function startFunctionHost(options: FunctionHostOptions): Promise<FunctionHost> {
  const host = new FunctionHost(options);
  await host.start();
  return host;
}

/** A host of a fixture app; no prewarmed environment unless asked, to keep tests light. */
export function startHost(
  fixture: string,
  options: Partial<FunctionHostOptions> = {},
): Promise<FunctionHost> {
  return startFunctionHost({
    entry: fixtureEntry(fixture),
    stage: "dev",
    endpointUrl: ENDPOINT_URL,
    prewarm: false,
    ...options,
  });
}

export function invokeAction(
  host: FunctionHost,
  action: string,
  event: Record<string, unknown> = {},
): Promise<InvocationResult> {
  return host.invoke({ payload: JSON.stringify({ action, ...event }) });
}

/** A copy of a fixture app in a fresh temporary project folder, for tests that edit it. */
export async function copyFixture(
  name: string,
): Promise<{ dir: string; entry: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `domovoi-${name}-`));
  await cp(fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url)), dir, {
    recursive: true,
  });
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return {
    dir,
    entry: join(dir, "app.ts"),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
