import { SQSClient } from "@aws-sdk/client-sqs";
import type { FastifyInstance } from "fastify";
import { VirtualClock } from "../../../src/clock/virtual-clock.js";
import { buildEmulatorApp } from "../../../src/server/app.js";
import { listen } from "../../../src/server/server.js";
import { createServiceDispatcher } from "../../../src/services/dispatch.js";
import { SqsBackend } from "../../../src/services/sqs/sqs-backend.js";
import { createSqsService } from "../../../src/services/sqs/sqs-service.js";

export const REGION = "eu-west-1";
export const DEFAULT_REGION = "us-east-1";

export interface SqsHarness {
  readonly clock: VirtualClock;
  readonly backend: SqsBackend;
  readonly url: string;
  /** A real SDK v3 client signed for {@link REGION}. */
  readonly sqs: SQSClient;
  client(region: string): SQSClient;
  close(): Promise<void>;
}

/** The emulator's app with the SQS service only, on a virtual clock, listening on port 0. */
export async function startSqs(): Promise<SqsHarness> {
  const clock = new VirtualClock(Date.UTC(2025, 0, 1));
  const backend = new SqsBackend({ clock });
  const app: FastifyInstance = buildEmulatorApp({
    dispatcher: createServiceDispatcher([createSqsService(backend)], {
      defaultRegion: DEFAULT_REGION,
    }),
  });
  const { url } = await listen(app, { port: 0 });
  const client = (region: string) =>
    new SQSClient({
      endpoint: url,
      region,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      maxAttempts: 1,
    });
  return { clock, backend, url, sqs: client(REGION), client, close: () => app.close() };
}

let counter = 0;

/** A queue name no other test uses. */
export function uniqueName(prefix = "queue"): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Resolves once `condition` holds, checking every few real milliseconds (for requests in flight). */
export async function until(condition: () => boolean, what = "condition"): Promise<void> {
  const deadline = Date.now() + 4000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The error a promise rejects with. */
export async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("Expected the call to fail");
}
