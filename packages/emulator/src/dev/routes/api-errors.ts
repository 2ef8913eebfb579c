import type { FastifyReply } from "fastify";
import { InvalidEventParamsError, UnknownEventKindError } from "../../events/errors.js";
import { AwsServiceError } from "../../services/errors.js";

/** A request to the `/_domovoi/` API that names nothing there, or cannot be read. */
export class ApiRequestError extends Error {
  readonly statusCode: number;

  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

/** Answers an error as `{ "error": { "type", "message" } }` with a status that fits it. */
export function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  return reply
    .code(statusOf(error))
    .send({ error: { type: error instanceof AwsServiceError ? error.code : name, message } });
}

function statusOf(error: unknown): number {
  if (error instanceof ApiRequestError || error instanceof AwsServiceError) return error.statusCode;
  if (error instanceof InvalidEventParamsError || error instanceof UnknownEventKindError)
    return 400;
  return 500;
}

/** The request's body as JSON: none is `{}`. */
export function jsonBody(body: unknown): unknown {
  const text = Buffer.isBuffer(body) ? body.toString("utf8") : "";
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiRequestError(400, `The body is not JSON: ${(error as Error).message}`);
  }
}
