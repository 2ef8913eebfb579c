import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LambdaClient } from "@aws-sdk/client-lambda";
import type { FastifyInstance } from "fastify";
import { VirtualClock } from "../../../src/clock/index.js";
import { FunctionHost, type FunctionHostOptions } from "../../../src/host/index.js";
import type { InvocationRecorder } from "../../../src/recording/index.js";
import { buildEmulatorApp } from "../../../src/server/app.js";
import { listen } from "../../../src/server/server.js";
import { createServiceDispatcher } from "../../../src/services/dispatch.js";
import { createLambdaService, LambdaFunction } from "../../../src/services/lambda/index.js";

export const REGION = "us-east-1";
/** Friday 1 March 2024, 17:00 UTC. */
export const START = Date.UTC(2024, 2, 1, 17);

export function fixtureEntry(name: "lambda-app" | "versioned-app"): string {
  return fileURLToPath(new URL(`./fixtures/${name}/app.ts`, import.meta.url));
}

/** A copy of a fixture in a fresh temporary folder, for tests that edit it. */
export async function copyFixture(name: "versioned-app") {
  const dir = await mkdtemp(join(tmpdir(), `domovoi-${name}-`));
  await cp(fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url)), dir, {
    recursive: true,
  });
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return {
    dir,
    entry: join(dir, "app.ts"),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface Harness {
  readonly host: FunctionHost;
  readonly lambda: LambdaFunction;
  readonly clock: VirtualClock;
  readonly client: LambdaClient;
  close(): Promise<void>;
}

/**
 * A fixture app behind the emulator's Lambda endpoint, reached by the real SDK client; the
 * function's delays run on a virtual clock.
 */
export async function startHarness(
  options: {
    readonly entry?: string;
    readonly host?: Partial<FunctionHostOptions>;
    readonly recorder?: InvocationRecorder;
  } = {},
): Promise<Harness> {
  const host = new FunctionHost({
    entry: options.entry ?? fixtureEntry("lambda-app"),
    stage: "dev",
    endpointUrl: "http://127.0.0.1:1",
    prewarm: false,
    region: REGION,
    ...options.host,
  });
  await host.start();
  const clock = new VirtualClock(START);
  const lambda = new LambdaFunction({ host, clock, recorder: options.recorder });
  let server: FastifyInstance | undefined;
  try {
    server = buildEmulatorApp({
      dispatcher: createServiceDispatcher([createLambdaService(lambda)], { defaultRegion: REGION }),
    });
    const { url } = await listen(server, { port: 0 });
    const client = new LambdaClient({
      endpoint: url,
      region: REGION,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    return {
      host,
      lambda,
      clock,
      client,
      async close() {
        client.destroy();
        lambda.close();
        await server?.close();
        await host.close();
      },
    };
  } catch (error) {
    await server?.close();
    await host.close();
    throw error;
  }
}

export const utf8 = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString("utf8");
export const json = (bytes: Uint8Array | undefined): unknown => JSON.parse(utf8(bytes));
export const payload = (value: unknown) => Buffer.from(JSON.stringify(value));
