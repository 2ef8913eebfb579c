import { type EmulatedService, PROTOCOLS } from "../service.js";
import { JsonInput } from "../streams/json-input.js";
import type { KinesisBackend } from "./kinesis-backend.js";
import { operationNotEmulated } from "./kinesis-errors.js";
import type { KinesisOperation } from "./kinesis-operation.js";
import { RECORD_OPERATIONS } from "./record-operations.js";
import { STREAM_OPERATIONS } from "./stream-operations.js";

const TARGET_PREFIX = "Kinesis_20131202.";

const OPERATIONS: Readonly<Record<string, KinesisOperation>> = {
  ...STREAM_OPERATIONS,
  ...RECORD_OPERATIONS,
};

/** The emulator's Kinesis endpoint, in the AWS JSON 1.1 protocol that SDK v3 speaks to it. */
export interface KinesisService extends EmulatedService {
  readonly backend: KinesisBackend;
}

export function createKinesisService(backend: KinesisBackend): KinesisService {
  return {
    signingName: "kinesis",
    protocol: PROTOCOLS.awsJson,
    backend,
    async handle(request) {
      const target = request.headers["x-amz-target"] ?? "";
      const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
      const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
      if (!operation) throw operationNotEmulated(name);
      const output = operation(JsonInput.parse(request.body), { backend, region: request.region });
      return {
        statusCode: 200,
        headers: { "content-type": "application/x-amz-json-1.1" },
        body: JSON.stringify(output),
      };
    },
  };
}
