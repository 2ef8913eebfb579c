import { invalidParameter } from "./sns-errors.js";

/** SNS's list actions return 100 items a page. */
const PAGE_SIZE = 100;

/** Something listed in creation order; `serial` grows with each one created. */
export interface Listed {
  readonly serial: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken: string | undefined;
}

/**
 * One page of `items` (in creation order). The token holds the serial of the next page's first
 * item, so that items deleted between two calls shift nothing.
 */
export function page<T extends Listed>(
  items: readonly T[],
  nextToken: string | undefined,
): Page<T> {
  const start = nextToken === undefined ? 0 : startOf(items, serialOf(nextToken));
  const next = items[start + PAGE_SIZE];
  return {
    items: items.slice(start, start + PAGE_SIZE),
    nextToken:
      next === undefined ? undefined : Buffer.from(String(next.serial)).toString("base64url"),
  };
}

function serialOf(token: string): number {
  const text = Buffer.from(token, "base64url").toString("utf8");
  if (!/^\d{1,15}$/.test(text)) throw invalidParameter("NextToken");
  return Number(text);
}

function startOf(items: readonly Listed[], serial: number): number {
  const index = items.findIndex((item) => item.serial >= serial);
  return index === -1 ? items.length : index;
}
