import type { AwsRequest } from "../service.js";
import { invalidRequestContent, validationError } from "./lambda-errors.js";

export const INVOCATION_TYPES = ["Event", "RequestResponse", "DryRun"] as const;
export type InvocationType = (typeof INVOCATION_TYPES)[number];
export const LOG_TYPES = ["None", "Tail"] as const;
export type LogType = (typeof LOG_TYPES)[number];

/** The parameters of an Invoke request, read from its path, query and headers. */
export interface InvokeParameters {
  readonly functionName: string;
  readonly qualifier: string | undefined;
  readonly invocationType: InvocationType;
  readonly logType: LogType;
  readonly clientContext: unknown;
  readonly payload: Buffer;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** `encodedName` is the `{FunctionName}` segment of the path, still percent-encoded. */
export function readInvokeParameters(request: AwsRequest, encodedName: string): InvokeParameters {
  const { headers } = request;
  return {
    functionName: decodeName(encodedName),
    qualifier: request.query.get("Qualifier") ?? undefined,
    invocationType: oneOf(
      headers["x-amz-invocation-type"],
      "RequestResponse",
      "invocationType",
      INVOCATION_TYPES,
    ),
    logType: oneOf(headers["x-amz-log-type"], "None", "logType", LOG_TYPES),
    clientContext: decodeClientContext(headers["x-amz-client-context"]),
    payload: request.body,
  };
}

function decodeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    // Not valid percent-encoding: the name is checked as it came, and fails its pattern.
    return encoded;
  }
}

function oneOf<T extends string>(
  value: string | undefined,
  fallback: T,
  member: string,
  allowed: readonly T[],
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw validationError(
    value,
    member,
    `Member must satisfy enum value set: [${allowed.join(", ")}]`,
  );
}

/** `X-Amz-Client-Context`: base64 of a JSON object, given to the handler as `context.clientContext`. */
function decodeClientContext(header: string | undefined): unknown {
  if (header === undefined || header === "") return undefined;
  const context = BASE64.test(header)
    ? parseJson(Buffer.from(header, "base64").toString("utf8"))
    : undefined;
  if (typeof context !== "object" || context === null || Array.isArray(context)) {
    throw invalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
  }
  return context;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
