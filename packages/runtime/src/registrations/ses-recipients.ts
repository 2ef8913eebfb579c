/**
 * Recipient conditions of an SES receipt rule: an address (`user@example.com`), a domain
 * (`example.com`, its addresses but not its subdomains') or a subdomain wildcard
 * (`.example.com`). Comparisons are case-insensitive, as in SES.
 */
export const RECIPIENT = /^([^@\s]+@)?\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function recipientMatches(condition: string, recipient: string): boolean {
  const wanted = condition.toLowerCase();
  const address = recipient.toLowerCase();
  if (wanted.includes("@")) return address === wanted;
  const domain = address.slice(address.lastIndexOf("@") + 1);
  return wanted.startsWith(".") ? domain.endsWith(wanted) : domain === wanted;
}

/** An address some rule condition in `a` and some in `b` both accept; empty lists accept all. */
export function recipientsOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) =>
    b.some((y) => recipientMatches(x, example(y)) || recipientMatches(y, example(x))),
  );
}

/** An address that the condition accepts. */
function example(condition: string): string {
  if (condition.includes("@")) return condition;
  return condition.startsWith(".") ? `someone@sub${condition}` : `someone@${condition}`;
}
