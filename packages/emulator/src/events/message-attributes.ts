/** Value rules that SQS and SNS message attributes share. */

/** `String`, `Number` or `Binary`, optionally with a custom label (`Number.float`). */
export function isAttributeDataType(type: string): boolean {
  return /^(String|Number|Binary)(\..{1,249})?$/.test(type);
}

export function isNumberText(text: string): boolean {
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text);
}

export function isBase64(text: string): boolean {
  return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text);
}

export function bytesToBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}
