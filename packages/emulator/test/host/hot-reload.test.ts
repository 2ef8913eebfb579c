import { once } from "node:events";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { FunctionHost, ReloadedEvent, ReloadFailedEvent } from "../../src/host/index.js";
import { copyFixture, ENDPOINT_URL, startFunctionHost } from "./host-fixtures.js";

// One watched project and host for the whole file (starting hosts is what costs time); each
// test starts from the original code, serving.
describe("hot reload", () => {
  let project: Awaited<ReturnType<typeof copyFixture>>;
  let original: string;
  let host: FunctionHost;

  beforeAll(async () => {
    project = await copyFixture("reload-app");
    original = await readFile(project.entry, "utf8");
    host = await startFunctionHost({
      entry: project.entry,
      stage: "dev",
      endpointUrl: ENDPOINT_URL,
      watch: true,
    });
  });
  afterAll(async () => {
    await host.close();
    expect(host.stats().environments).toBe(0);
    await project.remove();
  });
  beforeEach(async () => {
    if ((await readFile(project.entry, "utf8")) === original && (await version()) === "v1") return;
    const restored = reloaded();
    await writeFile(project.entry, original);
    await restored;
  });

  const version = (ms = 0) =>
    host.invoke({ payload: JSON.stringify({ ms }) }).then((result) => JSON.parse(result.payload));
  const writeVersion = (name: string) =>
    writeFile(project.entry, original.replace('"v1"', JSON.stringify(name)));
  const reloaded = async () => ((await once(host, "reloaded")) as [ReloadedEvent])[0];
  const reloadFailed = async () => ((await once(host, "reloadFailed")) as [ReloadFailedEvent])[0];

  it("serves the new code from the next invocation after a file is saved", async () => {
    const generation = host.generation;
    const event = reloaded();
    await writeVersion("v2");
    expect(await event).toMatchObject({
      generation: generation + 1,
      manifest: { app: "reloading", version: "v2" },
      changedFiles: [project.entry],
    });
    expect(await version()).toBe("v2");
    expect(host.manifest).toMatchObject({ app: "reloading", version: "v2" });
  });

  it("keeps the last good version serving while the new code does not load", async () => {
    const generation = host.generation;
    const syntaxError = reloadFailed();
    await writeFile(project.entry, `${original}\nexport const broken = ;\n`);
    expect((await syntaxError).error.errorType).toBe("Runtime.UserCodeSyntaxError");
    expect(await version()).toBe("v1");

    const throwing = reloadFailed();
    await writeFile(project.entry, `${original}\nthrow new Error("broken module");\n`);
    expect((await throwing).error).toMatchObject({
      errorType: "Error",
      errorMessage: "broken module",
    });
    expect(await version()).toBe("v1");

    const invalidRegistration = reloadFailed();
    await writeFile(
      project.entry,
      original.replace(
        "manifest: () => ({",
        'manifest: () => { throw new RangeError("bad rate"); }, was: () => ({',
      ),
    );
    expect((await invalidRegistration).error).toMatchObject({
      errorType: "RangeError",
      errorMessage: "bad rate",
    });
    expect(await version()).toBe("v1");
    expect(host.generation).toBe(generation);

    const fixed = reloaded();
    await writeVersion("v3");
    expect((await fixed).generation).toBe(generation + 1);
    expect(await version()).toBe("v3");
  });

  it("lets invocations already running finish on the old code", async () => {
    const generation = host.generation;
    const inFlight = host.invoke({ payload: JSON.stringify({ ms: 400 }) });
    const event = reloaded();
    await writeVersion("v2");
    await event;
    expect(await version()).toBe("v2");
    const old = await inFlight;
    expect(JSON.parse(old.payload)).toBe("v1");
    expect(old.generation).toBe(generation);
    // The old generation's environment was disposed of once its invocation was done: what is
    // left is the serving environment and the prewarmed one.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.stats().environments).toBe(2);
  });

  it("debounces a burst of writes into one reload", async () => {
    const events: ReloadedEvent[] = [];
    const listener = (event: ReloadedEvent) => events.push(event);
    host.on("reloaded", listener);
    for (const name of ["a", "b", "c"]) await writeVersion(name);
    await reloaded();
    await new Promise((resolve) => setTimeout(resolve, 150));
    host.off("reloaded", listener);
    expect(events).toHaveLength(1);
    expect(await version()).toBe("c");
  });

  it("ignores node_modules, .domovoi and dist", async () => {
    const reload = vi.spyOn(host, "reload");
    for (const folder of ["node_modules/dep", ".domovoi", "dist"]) {
      await mkdir(join(project.dir, folder), { recursive: true });
      await writeFile(join(project.dir, folder, "index.js"), "export {};\n");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reload).not.toHaveBeenCalled();
    reload.mockRestore();
  });

  it("reloads on request, without a file change", async () => {
    const generation = host.generation;
    const outcome = await host.reload();
    // A late watcher event from the previous test may add a generation of its own first.
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.generation).toBeGreaterThan(generation);
    expect(await version()).toBe("v1");
  });
});
