import { Fields } from "../sources/fields.js";
import type { SesSource } from "../sources/index.js";
import type { Invocation } from "./invocation.js";
import type { Route } from "./outcomes.js";

/**
 * Received mail goes to the handler whose recipient conditions accept one of the mail's
 * recipients (registrations never overlap, so there is at most one).
 */
export function emailRoute(source: SesSource, invocation: Invocation): Route | undefined {
  const recipients = recipientsOf(source);
  const handler = invocation.registry.emailHandlers.find((h) => recipients.some(h.matches));
  return invocation.routeTo(handler, source.event);
}

/** The addresses the receipt rule matched, from every record of the event. */
export function recipientsOf(source: SesSource): string[] {
  const event = Fields.of(source.event, "");
  return event.array("Records").flatMap((_, index) => {
    const receipt = event.item("Records", index).object("ses").object("receipt");
    return receipt.array("recipients").map((_, i) => receipt.stringItem("recipients", i));
  });
}
