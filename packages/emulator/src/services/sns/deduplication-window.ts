/** What SNS answered for a FIFO message, answered again for its duplicates. */
export interface PublishedIds {
  readonly messageId: string;
  readonly sequenceNumber: string;
}

/** FIFO topics drop a message whose deduplication id they saw in the last five minutes. */
const WINDOW_MS = 5 * 60 * 1000;

/**
 * The deduplication ids a FIFO topic accepted in the last five minutes. Entries are kept in the
 * order they were accepted, which is also the order they expire in, so expired ones are dropped
 * from the front.
 */
export class DeduplicationWindow {
  readonly #entries = new Map<string, { readonly ids: PublishedIds; readonly expiresAt: number }>();

  /** The ids of the earlier message with this key, if it is still in the window. */
  find(key: string, now: number): PublishedIds | undefined {
    for (const [oldest, { expiresAt }] of this.#entries) {
      if (expiresAt > now) break;
      this.#entries.delete(oldest);
    }
    return this.#entries.get(key)?.ids;
  }

  remember(key: string, ids: PublishedIds, now: number): void {
    this.#entries.set(key, { ids, expiresAt: now + WINDOW_MS });
  }
}
