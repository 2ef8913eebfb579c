import type { AwsRequest, AwsResponse, EmulatedService } from "../service.js";
import { handleJsonRequest } from "./protocols/json-protocol.js";
import { handleQueryRequest } from "./protocols/query-protocol.js";
import type { SqsBackend } from "./sqs-backend.js";

/** The emulator's SQS endpoint: both of SQS's protocols in front of one backend. */
export interface SqsService extends EmulatedService {
  readonly backend: SqsBackend;
}

export function createSqsService(backend: SqsBackend): SqsService {
  return {
    signingName: "sqs",
    protocol: "awsJson",
    backend,
    handle(request: AwsRequest): Promise<AwsResponse> {
      return request.headers["x-amz-target"]
        ? handleJsonRequest(request, backend)
        : handleQueryRequest(request, backend);
    },
  };
}
