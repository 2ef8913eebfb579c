/**
 * Orders strings as S3 lists keys: by their UTF-8 bytes, which is code point order. JavaScript
 * compares UTF-16 code units, which puts astral characters (surrogates, 0xD800-0xDFFF) before
 * 0xE000-0xFFFF; moving surrogates above that range restores code point order.
 */
export function compareUtf8(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

/** A set of strings kept in S3's listing order, for listings that start anywhere in it. */
export class SortedKeys {
  readonly #keys: string[] = [];

  get size(): number {
    return this.#keys.length;
  }

  add(key: string): void {
    const index = this.#lowerBound(key);
    if (this.#keys[index] !== key) this.#keys.splice(index, 0, key);
  }

  delete(key: string): void {
    const index = this.#lowerBound(key);
    if (this.#keys[index] === key) this.#keys.splice(index, 1);
  }

  /** The keys from `start` on (`start` itself only when `inclusive`), in order. */
  *from(start: string, inclusive: boolean): IterableIterator<string> {
    let index = this.#lowerBound(start);
    if (!inclusive && this.#keys[index] === start) index += 1;
    for (; index < this.#keys.length; index++) yield this.#keys[index]!;
  }

  /** The index of the first key not ordered before `key`. */
  #lowerBound(key: string): number {
    let low = 0;
    let high = this.#keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareUtf8(this.#keys[middle]!, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
