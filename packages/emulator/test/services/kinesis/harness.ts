import { KinesisClient } from "@aws-sdk/client-kinesis";
import type { FastifyInstance } from "fastify";
import { VirtualClock } from "../../../src/clock/virtual-clock.js";
import { buildEmulatorApp } from "../../../src/server/app.js";
import { listen } from "../../../src/server/server.js";
import { createServiceDispatcher } from "../../../src/services/dispatch.js";
import { createKinesisService, KinesisBackend } from "../../../src/services/kinesis/index.js";
import { START } from "../streams/support.js";

export const REGION = "eu-west-1";

export interface KinesisHarness {
  readonly clock: VirtualClock;
  readonly backend: KinesisBackend;
  /** A real SDK v3 client signed for {@link REGION}. */
  readonly kinesis: KinesisClient;
  close(): Promise<void>;
}

/** The emulator's app with Kinesis only, on a virtual clock, listening on port 0. */
export async function startKinesis(): Promise<KinesisHarness> {
  const clock = new VirtualClock(START);
  const backend = new KinesisBackend({ clock });
  const app: FastifyInstance = buildEmulatorApp({
    dispatcher: createServiceDispatcher([createKinesisService(backend)], {
      defaultRegion: "us-east-1",
    }),
  });
  const { url } = await listen(app, { port: 0 });
  const kinesis = new KinesisClient({
    endpoint: url,
    region: REGION,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1,
    // The client's own default request handler: HTTP/2 without TLS, which the endpoint accepts
    // beside HTTP/1.1.
  });
  return { clock, backend, kinesis, close: () => app.close() };
}

let counter = 0;

/** A stream name no other test uses. */
export function uniqueStream(prefix = "stream"): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
