import { incompleteBody } from "./s3-errors.js";

export interface DecodedChunks {
  readonly data: Buffer;
  /** Trailing headers (`x-amz-checksum-crc32`...), by lower-case name. */
  readonly trailers: Readonly<Record<string, string>>;
}

const CRLF = Buffer.from("\r\n");
const CHUNK_SIZE = /^[0-9a-f]{1,12}$/i;

/**
 * Decodes an `aws-chunked` body, which the SDK sends for streamed uploads: chunks of
 * `<hex size>[;chunk-signature=...]\r\n<bytes>\r\n`, a zero-size chunk, then trailing headers
 * (checksums, the trailer signature) and an empty line. Chunk signatures are not checked: the
 * emulator knows no secret keys.
 */
export function decodeAwsChunked(body: Buffer): DecodedChunks {
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const [line, next] = readLine(body, offset);
    const sizeField = line.split(";", 1)[0]!;
    if (!CHUNK_SIZE.test(sizeField)) throw malformed();
    const size = Number.parseInt(sizeField, 16);
    offset = next;
    if (size === 0) break;
    if (offset + size + CRLF.length > body.length) throw malformed();
    chunks.push(body.subarray(offset, offset + size));
    offset += size;
    if (!body.subarray(offset, offset + CRLF.length).equals(CRLF)) throw malformed();
    offset += CRLF.length;
  }
  return { data: Buffer.concat(chunks), trailers: readTrailers(body, offset) };
}

function readTrailers(body: Buffer, start: number): Record<string, string> {
  const trailers: Record<string, string> = {};
  let offset = start;
  while (offset < body.length) {
    const [line, next] = readLine(body, offset);
    offset = next;
    if (line === "") break;
    const colon = line.indexOf(":");
    if (colon <= 0) throw malformed();
    trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return trailers;
}

function readLine(body: Buffer, offset: number): [line: string, next: number] {
  const end = body.indexOf(CRLF, offset);
  if (end === -1) throw malformed();
  return [body.toString("latin1", offset, end), end + CRLF.length];
}

const malformed = () => incompleteBody("The aws-chunked request body is malformed.");
