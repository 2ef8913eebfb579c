import { EventEmitter } from "node:events";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { AwsServiceError } from "../errors.js";

interface DynaliteOptions {
  readonly createTableMs: number;
  readonly deleteTableMs: number;
  readonly updateTableMs: number;
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

// dynalite is CommonJS without type definitions: its factory, typed here for what is used.
const dynalite = createRequire(import.meta.url)("dynalite") as (options: DynaliteOptions) => Server;

/** A response of the engine, in DynamoDB's JSON protocol. */
export interface EngineResponse {
  readonly statusCode: number;
  readonly body: string;
}

/**
 * DynamoDB's data API as dynalite implements it (validation, expressions, indexes, errors in
 * DynamoDB's words), run in-process: its HTTP request listener is called with an in-memory
 * request and response, so no port is opened. Tables change state at once.
 */
export class DynaliteEngine {
  readonly #listener: RequestListener;

  constructor() {
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    this.#listener = server.listeners("request")[0] as RequestListener;
  }

  /** Runs `operation` (`PutItem`) with its JSON input; errors come back as responses. */
  call(operation: string, input: unknown): Promise<EngineResponse> {
    return new Promise((resolve, reject) => {
      const request = Object.assign(new EventEmitter(), {
        method: "POST",
        url: "/",
        headers: {
          "content-type": "application/x-amz-json-1.0",
          "x-amz-target": `DynamoDB_20120810.${operation}`,
          "x-amz-date": "20240101T000000Z",
          // dynalite checks that a signature is present, never that it is right.
          authorization:
            "AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
        },
      });
      let statusCode = 200;
      const response = {
        get statusCode() {
          return statusCode;
        },
        set statusCode(code: number) {
          statusCode = code;
        },
        setHeader() {},
        end(body?: string) {
          resolve({ statusCode, body: body ?? "" });
        },
      };
      try {
        this.#listener(
          request as unknown as IncomingMessage,
          response as unknown as ServerResponse,
        );
        request.emit("data", Buffer.from(JSON.stringify(input)));
        request.emit("end");
      } catch (error) {
        reject(error);
      }
    });
  }

  /** Runs `operation` and returns its output, or throws its error as the service's error. */
  async request(operation: string, input: unknown): Promise<Record<string, unknown>> {
    const response = await this.call(operation, input);
    const body = JSON.parse(response.body || "{}") as Record<string, unknown>;
    if (response.statusCode !== 200) throw engineError(response.statusCode, body);
    return body;
  }
}

/** dynalite's `__type` is namespaced (`com.amazonaws.dynamodb.v20120810#...`) as AWS's is. */
export function engineError(statusCode: number, body: Record<string, unknown>): AwsServiceError {
  const type = String(body.__type ?? "InternalServerError");
  const message = typeof body.message === "string" ? body.message : "";
  return new AwsServiceError(type.slice(type.indexOf("#") + 1), message, { statusCode });
}
