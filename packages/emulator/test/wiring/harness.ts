import { randomUUID } from "node:crypto";
import type { Domovoi } from "@domovoi/runtime";
import type { FastifyInstance } from "fastify";
import { afterEach } from "vitest";
import { VirtualClock } from "../../src/clock/virtual-clock.js";
import { buildEmulatorApp } from "../../src/server/app.js";
import { listen } from "../../src/server/server.js";
import { createServiceDispatcher } from "../../src/services/dispatch.js";
import { createEventBridgeService } from "../../src/services/eventbridge/index.js";
import type {
  FunctionInvocation,
  FunctionInvoker,
  FunctionOutcome,
} from "../../src/services/function-invoker.js";
import { createKinesisService } from "../../src/services/kinesis/index.js";
import { createLogsService } from "../../src/services/logs/index.js";
import { createSnsService } from "../../src/services/sns/index.js";
import { createSqsService } from "../../src/services/sqs/index.js";
import { EmulatedAws, type EmulatedAwsOptions } from "../../src/services/wiring/index.js";
import { callHandler, type LambdaHandler } from "../../src/testing/call-handler.js";

export const REGION = "us-east-1";
export const ACCOUNT = "000000000000";
export const FUNCTION_NAME = "shop-dev";
export const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${FUNCTION_NAME}`;
export const START = Date.parse("2024-05-01T12:00:00.000Z");
export const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

/**
 * The app's handler run in this process, as Lambda would run it for the emulated services: the
 * payload as JSON, a context naming the function (the dispatcher reads the stage from it).
 * Records every invocation with the outcome the service got.
 */
export class AppInvoker implements FunctionInvoker {
  readonly invocations: { request: FunctionInvocation; outcome: FunctionOutcome }[] = [];
  #handler: LambdaHandler;

  constructor(handler: LambdaHandler) {
    this.#handler = handler;
  }

  /** Runs another app's handler from now on, as a hot reload does. */
  reload(app: Domovoi): void {
    this.#handler = app.handler as LambdaHandler;
  }

  async invoke(request: FunctionInvocation): Promise<FunctionOutcome> {
    const outcome = await this.#run(JSON.parse(JSON.stringify(request.payload)));
    this.invocations.push({ request, outcome });
    return outcome;
  }

  /** The triggers of the invocations so far. */
  get triggers(): string[] {
    return this.invocations.map(({ request }) => request.trigger);
  }

  async #run(event: unknown): Promise<FunctionOutcome> {
    try {
      const result = await callHandler(this.#handler, event, lambdaContext());
      return { ok: true, payload: result ?? null };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { ok: false, kind: "function", error: { errorType: name, errorMessage: message } };
    }
  }
}

function lambdaContext(): Record<string, unknown> {
  return {
    functionName: FUNCTION_NAME,
    functionVersion: "$LATEST",
    invokedFunctionArn: FUNCTION_ARN,
    memoryLimitInMB: "128",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${FUNCTION_NAME}`,
    logStreamName: "wiring",
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 30_000,
  };
}

export interface Wired {
  readonly clock: VirtualClock;
  /** When the clock started. */
  readonly start: number;
  readonly aws: EmulatedAws;
  readonly invoker: AppInvoker;
  readonly warnings: string[];
  /** The emulated services' endpoint, for the AWS SDK. */
  readonly url: string;
  /** The configuration of an AWS SDK client of the services. */
  readonly sdk: {
    readonly endpoint: string;
    readonly region: string;
    readonly credentials: typeof CREDENTIALS;
    readonly maxAttempts: number;
  };
  /** Moves the clock on in steps, letting deliveries and mappings run, until `done` holds. */
  until(done: () => boolean, what: string): Promise<void>;
}

const opened: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});

/**
 * The emulated services composed around an in-process app (`app.handler` of a Domovoi app named
 * `shop`, stage `dev`), with its manifest provisioned (after `before`, which may create resources
 * first), served on a loopback port. Closed after the test.
 */
export async function wire(
  app: Domovoi,
  options: Partial<EmulatedAwsOptions> = {},
  before?: (wired: Wired) => void | Promise<void>,
): Promise<Wired> {
  const clock = new VirtualClock(START);
  const invoker = new AppInvoker(app.handler as LambdaHandler);
  const warnings: string[] = [];
  const aws = new EmulatedAws({
    clock,
    region: REGION,
    stage: "dev",
    appFunction: { functionName: FUNCTION_NAME, invoker },
    onWarning: (message) => warnings.push(message),
    ...options,
  });
  const { server, url } = await serve(aws);
  opened.push(async () => {
    await aws.close();
    await server.close();
  });
  const wired: Wired = {
    clock,
    start: START,
    aws,
    invoker,
    warnings,
    url,
    sdk: { endpoint: url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 },
    async until(done, what) {
      for (let step = 0; !done(); step++) {
        if (step === 400)
          throw new Error(`Gave up waiting for ${what}; warnings: ${warnings.join(" | ")}`);
        await clock.advance(250);
      }
    },
  };
  await before?.(wired);
  await aws.provision(app.manifest());
  return wired;
}

async function serve(aws: EmulatedAws): Promise<{ server: FastifyInstance; url: string }> {
  const services = [
    createSqsService(aws.sqs),
    createSnsService(aws.sns),
    aws.s3,
    aws.dynamoDbApi,
    createKinesisService(aws.kinesis),
    createEventBridgeService(aws.eventBridge),
    createLogsService(aws.logs),
  ];
  const server = buildEmulatorApp({
    dispatcher: createServiceDispatcher(services, { defaultRegion: REGION }),
  });
  const { url } = await listen(server, { port: 0 });
  return { server, url };
}
