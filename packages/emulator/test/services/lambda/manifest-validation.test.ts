import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AppLoadError, FunctionHost } from "../../../src/host/index.js";
import { INVALID_MANIFEST } from "./fixtures/invalid-manifest.js";

describe("loading an app", () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("validates its manifest as AWS would, before serving it", async () => {
    dir = await mkdtemp(join(tmpdir(), "domovoi-invalid-"));
    await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    await writeFile(
      join(dir, "app.ts"),
      `export const app = { manifest: () => (${JSON.stringify(INVALID_MANIFEST)}) };\nexport const handler = async () => null;\n`,
    );
    const host = new FunctionHost({
      entry: join(dir, "app.ts"),
      stage: "dev",
      endpointUrl: "http://127.0.0.1:1",
      prewarm: false,
    });
    const error = await host.start().then(
      () => expect.unreachable("the app should not load"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppLoadError);
    expect((error as AppLoadError).error).toMatchObject({
      errorType: "RegistrationError",
      errorMessage: expect.stringMatching(/^sns tend: /),
    });
  });
});
