/** How long a FIFO queue remembers a deduplication id: five minutes. */
export const DEDUPLICATION_INTERVAL_MS = 5 * 60 * 1000;

/** What a duplicate send returns: the identifiers of the message it duplicates. */
export interface SentIdentity {
  readonly messageId: string;
  readonly sequenceNumber: string | undefined;
}

interface Remembered extends SentIdentity {
  readonly expiresAt: number;
}

/**
 * The deduplication window of a FIFO queue, on the emulator's clock. Ids are remembered from
 * the send that first used them, whether or not that message was received or deleted since.
 */
export class DeduplicationWindow {
  // Insertion order is expiry order, so expired ids are always at the front.
  readonly #remembered = new Map<string, Remembered>();

  /** The message an id sent within the window belongs to, if any. */
  find(key: string, now: number): SentIdentity | undefined {
    this.#forgetExpired(now);
    return this.#remembered.get(key);
  }

  remember(key: string, identity: SentIdentity, now: number): void {
    this.#remembered.set(key, { ...identity, expiresAt: now + DEDUPLICATION_INTERVAL_MS });
  }

  #forgetExpired(now: number): void {
    for (const [key, remembered] of this.#remembered) {
      if (remembered.expiresAt > now) return;
      this.#remembered.delete(key);
    }
  }
}
