import { invalidParameterValue, queueDoesNotExist } from "./sqs-errors.js";

/** The account every emulated resource belongs to. */
export const ACCOUNT_ID = "000000000000";

const MAX_NAME_LENGTH = 80;
const NAME_CHARACTERS = /^[A-Za-z0-9_-]+$/;
const FIFO_SUFFIX = ".fifo";

export function isFifoName(name: string): boolean {
  return name.endsWith(FIFO_SUFFIX);
}

/** Checks a queue name as CreateQueue does: the suffix must agree with `FifoQueue`. */
export function checkQueueName(name: string, fifo: boolean): void {
  const base = isFifoName(name) ? name.slice(0, -FIFO_SUFFIX.length) : name;
  if (fifo !== isFifoName(name) || (fifo && !isValidBase(base, name))) {
    throw invalidParameterValue(
      "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.",
    );
  }
  if (!fifo && !isValidBase(name, name)) {
    throw invalidParameterValue(
      "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length",
    );
  }
}

function isValidBase(base: string, name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && NAME_CHARACTERS.test(base);
}

export function queueArn(region: string, name: string): string {
  return `arn:aws:sqs:${region}:${ACCOUNT_ID}:${name}`;
}

/** `http://<host>/<account>/<name>`, with the host the caller reached the emulator at. */
export function queueUrl(host: string, name: string): string {
  return `http://${host}/${ACCOUNT_ID}/${name}`;
}

/**
 * The queue name of a queue URL, whatever its host: SDKs rewrite hosts (virtual-hosted
 * endpoints, `localhost` against `127.0.0.1`), and the region comes from the signature anyway.
 */
export function queueNameFromUrl(url: string): string {
  const path = parsePath(url);
  const match = /^\/(\d{12})\/([^/]+)\/?$/.exec(path);
  if (!match || match[1] !== ACCOUNT_ID) throw queueDoesNotExist();
  return decodeURIComponent(match[2]!);
}

function parsePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    if (url.startsWith("/")) return url;
    throw invalidParameterValue(
      `Value ${url} for parameter QueueUrl is invalid. Reason: Must be a valid URL.`,
    );
  }
}

/** The region and name of a queue ARN, or undefined when it is not one. */
export function parseQueueArn(arn: string): { region: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_.-]+)$/.exec(arn);
  if (!match || match[2] !== ACCOUNT_ID) return undefined;
  return { region: match[1]!, name: match[3]! };
}
