import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  type InputLogEvent,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import type { CloudWatchLogsDecodedData } from "aws-lambda";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { decodeLogsData } from "../../../../runtime/src/sources/index.js";
import { VirtualClock } from "../../../src/clock/virtual-clock.js";
import { buildEmulatorApp } from "../../../src/server/app.js";
import { listen } from "../../../src/server/server.js";
import { createServiceDispatcher } from "../../../src/services/dispatch.js";
import {
  createLogsService,
  LogsBackend,
  type LogsBackendOptions,
  type LogsDeliveryFailure,
} from "../../../src/services/logs/index.js";
import type { EmulatedService } from "../../../src/services/service.js";
import { RecordingInvoker } from "../eventbridge/recording-invoker.js";

export { failureOf } from "../eventbridge/sdk-failure.js";

export const REGION = "us-east-1";
export const ACCOUNT = "000000000000";
export const FUNCTION_NAME = "bartender-dev";
export const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${FUNCTION_NAME}`;
export const START = Date.parse("2024-05-01T12:00:00.000Z");

export interface LogsHarness {
  readonly clock: VirtualClock;
  readonly backend: LogsBackend;
  readonly invoker: RecordingInvoker;
  readonly failures: LogsDeliveryFailure[];
  readonly logs: CloudWatchLogsClient;
  /** CreateLogGroup and CreateLogStream through the SDK. */
  stream(group: string, stream: string): Promise<void>;
  /** PutLogEvents through the SDK, one event per message, a millisecond apart from `at`. */
  put(group: string, stream: string, messages: readonly string[], at?: number): Promise<void>;
  /** The decoded `awslogs.data` of each invocation of the function. */
  deliveries(): CloudWatchLogsDecodedData[];
}

/**
 * Serves a fresh emulated CloudWatch Logs per test on one real endpoint per file, reached with the
 * real AWS SDK client; subscriptions reach a recording invoker on a virtual clock.
 */
export function useLogsEmulator(options: Partial<LogsBackendOptions> = {}): () => LogsHarness {
  let app: FastifyInstance;
  let url = "";
  let harness: LogsHarness | undefined;
  let currentService: EmulatedService | undefined;
  const service: EmulatedService = {
    signingName: "logs",
    protocol: "awsJson",
    handle: (request) => (currentService ?? fail()).handle(request),
  };

  beforeAll(async () => {
    app = buildEmulatorApp({
      dispatcher: createServiceDispatcher([service], { defaultRegion: REGION }),
    });
    ({ url } = await listen(app, { port: 0 }));
  });
  afterAll(() => app.close());
  beforeEach(() => {
    const clock = new VirtualClock(START);
    const invoker = new RecordingInvoker();
    const failures: LogsDeliveryFailure[] = [];
    const backend = new LogsBackend({
      clock,
      functions: { functionName: FUNCTION_NAME, invoker },
      region: REGION,
      onDeliveryFailure: (failure) => failures.push(failure),
      ...options,
    });
    currentService = createLogsService(backend);
    const logs = new CloudWatchLogsClient({
      endpoint: url,
      region: REGION,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    harness = {
      clock,
      backend,
      invoker,
      failures,
      logs,
      async stream(group, stream) {
        if (!backend.findLogGroup(REGION, group)) {
          await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
        }
        await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
      },
      async put(group, stream, messages, at = clock.now()) {
        const logEvents: InputLogEvent[] = messages.map((message, index) => ({
          timestamp: at + index,
          message,
        }));
        await logs.send(
          new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents }),
        );
      },
      deliveries: () =>
        invoker
          .payloads()
          .map((payload) =>
            decodeLogsData((payload as { awslogs: { data: string } }).awslogs.data),
          ),
    };
  });
  return () => harness ?? fail();
}

function fail(): never {
  throw new Error("The CloudWatch Logs harness is used outside a test.");
}
