import type { AwsRequest } from "../../service.js";
import type { OperationContext } from "../operations/index.js";
import { senderIdOf } from "../sender-id.js";
import type { SqsBackend } from "../sqs-backend.js";

/** What every action needs to know of the request besides its parameters. */
export function operationContext(request: AwsRequest, backend: SqsBackend): OperationContext {
  return {
    backend,
    region: request.region,
    host: request.headers.host ?? "localhost",
    senderId: senderIdOf(request.headers.authorization),
    path: request.path,
  };
}
