import type { AwsRequest, AwsResponse, EmulatedService } from "../service.js";
import { PROTOCOLS } from "../service.js";
import type { DynamoDbBackend } from "./dynamodb-backend.js";
import { operationNotEmulated, serializationError } from "./dynamodb-errors.js";
import { isRecord } from "./dynamodb-operation.js";
import { DYNAMODB_OPERATIONS } from "./dynamodb-operations.js";
import { STREAMS_API_OPERATIONS } from "./streams-api.js";

const DYNAMODB_PREFIX = "DynamoDB_20120810";
const STREAMS_PREFIX = "DynamoDBStreams_20120810";
const JSON_1_0 = "application/x-amz-json-1.0";

/** The emulator's DynamoDB and DynamoDB Streams endpoints (AWS JSON 1.0, signing name `dynamodb`). */
export interface DynamoDbService extends EmulatedService {
  readonly backend: DynamoDbBackend;
}

export function createDynamoDbService(backend: DynamoDbBackend): DynamoDbService {
  return {
    signingName: "dynamodb",
    protocol: PROTOCOLS.awsJson,
    backend,
    async handle(request: AwsRequest): Promise<AwsResponse> {
      const [prefix = "", operation = ""] = (request.headers["x-amz-target"] ?? "").split(".");
      const input = parseInput(request.body);
      const { region } = request;
      if (prefix === STREAMS_PREFIX) {
        const run = lookup(STREAMS_API_OPERATIONS, operation, "DynamoDB Streams");
        return json(200, JSON.stringify(run(input, { backend, region })));
      }
      const run = lookup(
        DYNAMODB_OPERATIONS,
        prefix === DYNAMODB_PREFIX ? operation : `${prefix}.${operation}`,
        "DynamoDB",
      );
      const response = await run(input, { backend, engine: backend.engine(region), region });
      return json(response.statusCode, response.body);
    },
  };
}

function lookup<T>(operations: Readonly<Record<string, T>>, operation: string, service: string): T {
  const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
  if (!run) throw operationNotEmulated(service, operation);
  return run;
}

function parseInput(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let input: unknown;
  try {
    input = JSON.parse(body.toString("utf8"));
  } catch {
    throw serializationError();
  }
  if (!isRecord(input)) throw serializationError();
  return input;
}

function json(statusCode: number, body: string): AwsResponse {
  return { statusCode, headers: { "content-type": JSON_1_0 }, body };
}
