export interface PageRequest {
  readonly limit: number;
  readonly nextToken: string | undefined;
  /** Whether the items are listed from the greatest key down. */
  readonly descending?: boolean;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken: string | undefined;
}

/**
 * One page of `items`, which are sorted by `keyOf` (ascending, or descending when asked). The
 * token holds the key of the page's last item, so that items created or deleted between two calls
 * shift nothing. Returns undefined for a token it did not issue, for the caller to refuse in its
 * service's words.
 */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  { limit, nextToken, descending = false }: PageRequest,
): Page<T> | undefined {
  let start = 0;
  if (nextToken !== undefined) {
    const after = keyOfToken(nextToken);
    if (after === undefined) return undefined;
    const index = items.findIndex((item) =>
      descending ? keyOf(item) < after : keyOf(item) > after,
    );
    start = index === -1 ? items.length : index;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < items.length && last !== undefined;
  return { items: page, nextToken: more ? tokenOf(keyOf(last)) : undefined };
}

const TOKEN_PREFIX = "dv1:";

function tokenOf(key: string): string {
  return Buffer.from(`${TOKEN_PREFIX}${key}`).toString("base64url");
}

function keyOfToken(token: string): string | undefined {
  const text = Buffer.from(token, "base64url").toString("utf8");
  return text.startsWith(TOKEN_PREFIX) ? text.slice(TOKEN_PREFIX.length) : undefined;
}
