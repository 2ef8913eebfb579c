import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import type { FastifyInstance } from "fastify";
import { VirtualClock } from "../../../src/clock/virtual-clock.js";
import { buildEmulatorApp } from "../../../src/server/app.js";
import { listen } from "../../../src/server/server.js";
import { createServiceDispatcher } from "../../../src/services/dispatch.js";
import { createDynamoDbService, DynamoDbBackend } from "../../../src/services/dynamodb/index.js";
import { START } from "../streams/support.js";

export const REGION = "eu-west-1";

export interface DynamoDbHarness {
  readonly clock: VirtualClock;
  readonly backend: DynamoDbBackend;
  readonly url: string;
  /** A real SDK v3 client signed for {@link REGION}. */
  readonly dynamodb: DynamoDBClient;
  /** A table keyed by `id` (S), with a stream of the view type unless `null`. */
  createTable(
    name: string,
    viewType?: CreateTableCommandInput["StreamSpecification"] extends infer S
      ? S extends { StreamViewType?: infer V }
        ? V | null
        : never
      : never,
    input?: Partial<CreateTableCommandInput>,
  ): Promise<void>;
  close(): Promise<void>;
}

/** The emulator's app with DynamoDB only, on a virtual clock, listening on port 0. */
export async function startDynamoDb(): Promise<DynamoDbHarness> {
  const clock = new VirtualClock(START);
  const backend = new DynamoDbBackend({ clock });
  const app: FastifyInstance = buildEmulatorApp({
    dispatcher: createServiceDispatcher([createDynamoDbService(backend)], {
      defaultRegion: "us-east-1",
    }),
  });
  const { url } = await listen(app, { port: 0 });
  const dynamodb = new DynamoDBClient({
    endpoint: url,
    region: REGION,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1,
  });
  return {
    clock,
    backend,
    url,
    dynamodb,
    async createTable(name, viewType = "NEW_AND_OLD_IMAGES", input = {}) {
      await dynamodb.send(
        new CreateTableCommand({
          TableName: name,
          KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
          AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
          BillingMode: "PAY_PER_REQUEST",
          ...(viewType && {
            StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
          }),
          ...input,
        }),
      );
    },
    close: () => app.close(),
  };
}

let counter = 0;

/** A table name no other test uses. */
export function uniqueTable(prefix = "table"): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
