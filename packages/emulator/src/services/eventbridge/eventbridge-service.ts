import type { EmulatedService } from "../service.js";
import type { EventBridgeBackend } from "./eventbridge-backend.js";
import { createJsonService } from "./json-protocol/json-service.js";
import { BUS_OPERATIONS } from "./operations/bus-operations.js";
import { EVENT_OPERATIONS } from "./operations/event-operations.js";
import { eventBridgeContext, validationFailure } from "./operations/operation.js";
import { RULE_OPERATIONS } from "./operations/rule-operations.js";
import { TARGET_OPERATIONS } from "./operations/target-operations.js";

/** EventBridge on the emulator's endpoint, in its JSON 1.1 protocol (`AWSEvents.<Operation>`). */
export function createEventBridgeService(backend: EventBridgeBackend): EmulatedService {
  return createJsonService({
    signingName: "events",
    targetPrefix: "AWSEvents",
    serviceName: "EventBridge",
    operations: {
      ...BUS_OPERATIONS,
      ...RULE_OPERATIONS,
      ...TARGET_OPERATIONS,
      ...EVENT_OPERATIONS,
    },
    validationFailure,
    context: eventBridgeContext(backend),
  });
}
