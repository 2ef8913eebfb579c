import { invalidParameter } from "./sns-errors.js";

/** With `MessageStructure=json`, the message each protocol gets, `default` for the others. */
export type ProtocolMessages = Readonly<Record<string, string>>;

/**
 * Reads a message published with a `MessageStructure`: SNS takes only `json`, a JSON object
 * with a `default` text. Entries that are not text are ignored, as SNS ignores them (it delivers
 * the default instead).
 */
export function protocolMessages(message: string, structure: string): ProtocolMessages {
  if (structure !== "json") throw invalidParameter("MessageStructure");
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    throw invalidParameter("Message Structure - JSON message body failed to parse");
  }
  const entries =
    typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? Object.entries(parsed).filter(
          (entry): entry is [string, string] => typeof entry[1] === "string",
        )
      : [];
  const messages = Object.fromEntries(entries);
  if (messages.default === undefined) {
    throw invalidParameter("Message Structure - No default entry in JSON message body");
  }
  return messages;
}

/** The message a subscription of `protocol` receives. */
export function messageFor(
  message: string,
  messages: ProtocolMessages | undefined,
  protocol: string,
): string {
  return messages?.[protocol] ?? messages?.default ?? message;
}
