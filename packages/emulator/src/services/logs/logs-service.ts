import { createJsonService } from "../eventbridge/json-protocol/json-service.js";
import type { EmulatedService } from "../service.js";
import type { LogsBackend } from "./logs-backend.js";
import { EVENT_OPERATIONS } from "./operations/event-operations.js";
import { GROUP_OPERATIONS } from "./operations/group-operations.js";
import { logsContext, validationFailure } from "./operations/operation.js";
import { STREAM_OPERATIONS } from "./operations/stream-operations.js";
import { SUBSCRIPTION_OPERATIONS } from "./operations/subscription-operations.js";

/** CloudWatch Logs on the emulator's endpoint, in its JSON 1.1 protocol (`Logs_20140328.*`). */
export function createLogsService(backend: LogsBackend): EmulatedService {
  return createJsonService({
    signingName: "logs",
    targetPrefix: "Logs_20140328",
    serviceName: "CloudWatch Logs",
    operations: {
      ...GROUP_OPERATIONS,
      ...STREAM_OPERATIONS,
      ...EVENT_OPERATIONS,
      ...SUBSCRIPTION_OPERATIONS,
    },
    validationFailure,
    context: logsContext(backend),
  });
}
