import { CAPTURE_FORMAT_VERSION, CAPTURE_KEY, type CapturePart } from "./capture-line.js";

/**
 * UTF-16 code units of event JSON per log line. JSON-escaping the text again costs at most 3 bytes
 * per code unit (a non-ASCII character in UTF-8), so a line stays near 192 KB, well under
 * CloudWatch Logs' 256 KB per event.
 */
export const CAPTURE_CHUNK_LENGTH = 64 * 1024;

export interface CaptureOptions<E> {
  /**
   * Runs before anything is logged: returns the event as it may be logged (remove secrets and
   * personal data here), or `undefined` to log nothing for this event. When it throws, the event
   * is not captured and the handler still runs.
   */
  readonly redact?: (event: E) => unknown;
}

interface InvocationContext {
  readonly awsRequestId?: string;
  readonly invokedFunctionArn?: string;
}

/**
 * Wraps a Lambda handler so that it first logs each event it receives as `{"domovoiCapture":
 * ...}` lines, which `domovoi capture` turns into a recording that `domovoi replay` runs against
 * new code: `export const handler = captureEvents(app.handler, { redact })`.
 */
export function captureEvents<E, C extends InvocationContext | undefined, R>(
  handler: (event: E, context: C) => R,
  options: CaptureOptions<E> = {},
): (event: E, context: C) => R {
  return (event, context) => {
    writeCapture(event, context, options);
    return handler(event, context);
  };
}

function writeCapture<E>(
  event: E,
  context: InvocationContext | undefined,
  { redact }: CaptureOptions<E>,
): void {
  let text: string | undefined;
  try {
    text = JSON.stringify(redact ? redact(event) : event);
  } catch (error) {
    process.stderr.write(`domovoi: event not captured: ${String(error)}\n`);
    return;
  }
  if (text === undefined) return;
  const chunks = splitText(text);
  const header: Omit<CapturePart, "part" | "data"> = {
    v: CAPTURE_FORMAT_VERSION,
    id: globalThis.crypto.randomUUID(),
    total: chunks.length,
    time: new Date().toISOString(),
    requestId: context?.awsRequestId,
    functionArn: context?.invokedFunctionArn,
  };
  chunks.forEach((data, index) => {
    const part: CapturePart = { ...header, part: index + 1, data };
    // stdout, not console.log: the Lambda runtime would prefix each console line.
    process.stdout.write(`${JSON.stringify({ [CAPTURE_KEY]: part })}\n`);
  });
}

/** Cuts the text into chunks, never between the two halves of a surrogate pair. */
function splitText(text: string): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + CAPTURE_CHUNK_LENGTH, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
