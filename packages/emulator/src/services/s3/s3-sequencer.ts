/**
 * S3 sequencers: hexadecimal, of one length, and increasing for later changes, which is all a
 * consumer may rely on (it compares them to order the events of one key). The clock's time in
 * the high bits keeps them time-ordered; the count in the low bits keeps them strictly
 * increasing within a millisecond.
 */
export class S3Sequencer {
  #last = 0n;

  next(time: number): string {
    const candidate = BigInt(Math.floor(time)) << 20n;
    this.#last = candidate > this.#last ? candidate : this.#last + 1n;
    return this.#last.toString(16).toUpperCase().padStart(18, "0");
  }
}
