/**
 * One page of `items` from an opaque token (the index to start at). Pages are small on purpose,
 * so that tests exercise every paginated read.
 */
export function page<T>(
  items: readonly T[],
  token: string | undefined,
  size = 2,
): { items: T[]; next: string | undefined } {
  const start = token === undefined ? 0 : Number(token);
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}
