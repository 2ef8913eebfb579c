import type { SESEvent } from "aws-lambda";
import { firstRecord } from "./fields.js";

export const SES_EVENT_SOURCE = "aws:ses";

/** A receipt rule's Lambda action sets `eventSource: "aws:ses"` on the mail's record. */
export function isSesEvent(event: unknown): event is SESEvent {
  return firstRecord(event)?.eventSource === SES_EVENT_SOURCE;
}

/**
 * Received mail. The event names neither the rule set nor the rule that invoked the function, so
 * there is no routing key: the app's one SES handler receives it.
 */
export interface SesSource {
  readonly kind: "ses";
  readonly event: SESEvent;
  readonly key: null;
}

export function detectSes(event: SESEvent): SesSource {
  return { kind: "ses", event, key: null };
}
