import { gunzipSync } from "node:zlib";

/**
 * The log messages of a saved export, in any of the forms one is commonly saved in: the JSON of
 * `aws logs filter-log-events` or `get-log-events` (`{"events": [{"message": ...}]}`), a JSON
 * array of such events, JSON lines of events, or plain lines (CloudWatch's export to S3, a copy
 * from the console), gzipped or not. Capture lines are found inside each message.
 */
export function exportMessages(content: Buffer): string[] {
  const text = (isGzip(content) ? gunzipSync(content) : content).toString("utf8");
  const whole = parseJson(text);
  const events = Array.isArray(whole) ? whole : (whole as { events?: unknown } | undefined)?.events;
  if (Array.isArray(events)) return events.flatMap(messageOf);
  return text.split(/\r?\n/).flatMap((line) => {
    // A line that is a JSON event carries its message escaped; a raw capture line is itself JSON.
    const event = line.startsWith("{") ? parseJson(line) : undefined;
    const message = (event as { message?: unknown } | undefined)?.message;
    return typeof message === "string" ? [message] : [line];
  });
}

function messageOf(event: unknown): string[] {
  if (typeof event === "string") return [event];
  const message = (event as { message?: unknown } | null)?.message;
  return typeof message === "string" ? [message] : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isGzip(content: Buffer): boolean {
  return content[0] === 0x1f && content[1] === 0x8b;
}
