import { MalformedEventError } from "../errors.js";
import { type AnyEventBridgeEvent, isEventBridgeEvent } from "./eventbridge.js";
import { describe, fieldPath, isJsonObject } from "./fields.js";

/**
 * What the targets of Domovoi's deployed rules deliver: the rule's input transformer wraps the
 * matched event with the rule's name, so the event reaches the handler registered for that rule.
 */
export interface DomovoiRuleEnvelope {
  readonly domovoiRule: string;
  readonly event: AnyEventBridgeEvent;
}

/** AWS never sets `domovoiRule`; only the input transformers Domovoi deploys write it. */
export function isDomovoiRuleEnvelope(event: unknown): event is DomovoiRuleEnvelope {
  return isJsonObject(event) && typeof event.domovoiRule === "string";
}

/** An event one of Domovoi's rules matched, routed by the rule's name. */
export interface RuleSource {
  readonly kind: "rule";
  readonly event: AnyEventBridgeEvent;
  readonly key: string;
}

export function detectRule(envelope: DomovoiRuleEnvelope, path = ""): RuleSource {
  const { domovoiRule, event } = envelope;
  if (!isEventBridgeEvent(event)) {
    throw new MalformedEventError(
      fieldPath(path, "event"),
      "an EventBridge event (with source, detail-type and a detail object)",
      isJsonObject(event) ? "an object without them" : describe(event),
    );
  }
  return { kind: "rule", event, key: domovoiRule };
}
