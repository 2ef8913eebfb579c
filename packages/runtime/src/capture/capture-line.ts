/** The key of the one-key JSON object each capture log line holds. */
export const CAPTURE_KEY = "domovoiCapture";

/** The version of {@link CapturePart}; a reader refuses lines of versions it does not know. */
export const CAPTURE_FORMAT_VERSION = 1;

/**
 * One log line of a captured event: `{"domovoiCapture": <part>}`. An event whose JSON text would
 * not fit in one CloudWatch Logs event (256 KB) is cut into parts that share `id`; `data` of the
 * parts, joined in `part` order, is the event's JSON text.
 */
export interface CapturePart {
  readonly v: typeof CAPTURE_FORMAT_VERSION;
  /** Unique per captured event: Lambda retries an asynchronous event under the same request id. */
  readonly id: string;
  /** 1-based. */
  readonly part: number;
  readonly total: number;
  /** When the function received the event (ISO 8601). */
  readonly time: string;
  readonly requestId: string | undefined;
  /** The ARN the function was invoked through: its qualifier routes Step Functions tasks. */
  readonly functionArn: string | undefined;
  readonly data: string;
}
