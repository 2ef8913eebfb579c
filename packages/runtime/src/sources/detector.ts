/**
 * One step of a lookup table: the source found in `event` (which sits at `path` inside the
 * invocation payload, `""` for the payload itself), or `undefined` when the event is not this
 * source's.
 */
export type Detector<S> = (event: unknown, path: string) => S | undefined;

/** A detector that runs `detect` on the events `guard` accepts. */
export function when<E, S>(
  guard: (event: unknown) => event is E,
  detect: (event: E, path: string) => S,
): Detector<S> {
  return (event, path) => (guard(event) ? detect(event, path) : undefined);
}

/** The first source a detector finds; the order of `detectors` is their priority. */
export function detectFirst<S>(
  detectors: readonly Detector<S>[],
  event: unknown,
  path: string,
): S | undefined {
  for (const detect of detectors) {
    const source = detect(event, path);
    if (source !== undefined) return source;
  }
  return undefined;
}
