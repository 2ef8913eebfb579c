/**
 * Serialises work per key (a table): each run waits for the runs before it on any of its keys,
 * so that the item read before a write and the one read after it belong to that write alone.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const before = unique.map((key) => this.#tails.get(key));
    const result = Promise.all(before).then(work);
    const tail = result.catch(() => undefined);
    for (const key of unique) this.#tails.set(key, tail);
    try {
      return await result;
    } finally {
      for (const key of unique) if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
