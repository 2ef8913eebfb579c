const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;
const CLOSING: Readonly<Record<string, string>> = { '"': '"', "[": "]" };

/**
 * Splits a log message into the fields space-delimited patterns see: runs of non-space characters,
 * except that "characters between a pair of square brackets [] or two double quotes "" are treated
 * as a single field", without the delimiters. An opening delimiter that is never closed is plain text.
 */
export function splitMessageFields(message: string): string[] {
  const fields: string[] = [];
  const length = message.length;
  let position = 0;
  for (;;) {
    while (position < length && isSpace(message.charCodeAt(position))) position++;
    if (position >= length) return fields;
    const closing = CLOSING[message[position]!];
    const close = closing === undefined ? -1 : message.indexOf(closing, position + 1);
    if (close >= 0) {
      fields.push(message.slice(position + 1, close));
      position = close + 1;
    } else {
      const start = position;
      while (position < length && !isSpace(message.charCodeAt(position))) position++;
      fields.push(message.slice(start, position));
    }
  }
}
