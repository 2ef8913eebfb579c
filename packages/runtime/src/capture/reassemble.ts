import { CAPTURE_FORMAT_VERSION, CAPTURE_KEY, type CapturePart } from "./capture-line.js";

/** An event as the function received it, put back together from its capture lines. */
export interface CapturedEvent {
  readonly id: string;
  readonly time: string;
  readonly requestId: string | undefined;
  readonly functionArn: string | undefined;
  readonly event: unknown;
}

export interface Reassembly {
  /** Every event whose parts all arrived, in the order the function received them. */
  readonly events: readonly CapturedEvent[];
  /** Why some capture lines gave no event: malformed lines, and events with parts missing. */
  readonly problems: readonly string[];
}

const MARKER = `{"${CAPTURE_KEY}"`;

/**
 * Finds the capture lines among log messages (other lines are ignored; a line may carry a
 * prefix, such as a console line's timestamp and level) and joins the parts of each event, which
 * may arrive in any order.
 */
export function reassembleCaptures(messages: Iterable<string>): Reassembly {
  const parts = new Map<string, Map<number, CapturePart>>();
  const problems: string[] = [];
  for (const message of messages) {
    const start = message.indexOf(MARKER);
    if (start === -1) continue;
    const part = parseCapturePart(message.slice(start));
    if (typeof part === "string") {
      problems.push(part);
      continue;
    }
    const received = parts.get(part.id) ?? new Map<number, CapturePart>();
    received.set(part.part, part);
    parts.set(part.id, received);
  }
  const events: CapturedEvent[] = [];
  for (const [id, received] of parts) {
    const outcome = assemble(id, received);
    if (typeof outcome === "string") problems.push(outcome);
    else events.push(outcome);
  }
  events.sort((a, b) => a.time.localeCompare(b.time));
  return { events, problems };
}

function assemble(id: string, received: ReadonlyMap<number, CapturePart>): CapturedEvent | string {
  const { total } = received.values().next().value!;
  const ordered: CapturePart[] = [];
  for (let index = 1; index <= total; index++) {
    const part = received.get(index);
    if (!part) return `capture ${id}: part ${index} of ${total} is missing`;
    ordered.push(part);
  }
  const { time, requestId, functionArn } = ordered[0]!;
  try {
    const event: unknown = JSON.parse(ordered.map((part) => part.data).join(""));
    return { id, time, requestId, functionArn, event };
  } catch {
    return `capture ${id}: its joined parts are not JSON`;
  }
}

function parseCapturePart(text: string): CapturePart | string {
  let part: Partial<CapturePart> | undefined;
  try {
    part = (JSON.parse(text) as Record<string, Partial<CapturePart>>)[CAPTURE_KEY];
  } catch {
    return `not a JSON capture line: ${text.slice(0, 80)}`;
  }
  if (part?.v !== CAPTURE_FORMAT_VERSION) {
    return `capture line of an unknown format version ${JSON.stringify(part?.v)}`;
  }
  const { id, total, time, data } = part;
  const index = part.part;
  if (
    typeof id !== "string" ||
    typeof time !== "string" ||
    typeof data !== "string" ||
    !Number.isInteger(total) ||
    !Number.isInteger(index) ||
    index! < 1 ||
    index! > total!
  ) {
    return `malformed capture line: ${text.slice(0, 80)}`;
  }
  return part as CapturePart;
}
