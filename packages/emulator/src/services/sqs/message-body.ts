import { invalidMessageContents, missingParameter } from "./sqs-errors.js";

/** The characters SQS accepts in bodies and string attributes (XML 1.0 characters). */
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The code point of the first character SQS refuses, if any. */
export function findInvalidCharacter(text: string): number | undefined {
  return INVALID_CHARACTER.exec(text)?.[0]?.codePointAt(0);
}

export function checkMessageBody(body: string): void {
  if (body === "") throw missingParameter("MessageBody");
  const invalid = findInvalidCharacter(body);
  if (invalid !== undefined) throw invalidMessageContents(invalid);
}
