import Fastify, { type FastifyInstance } from "fastify";
import type { ServiceDispatcher } from "../services/dispatch.js";
import { createDualProtocolServer } from "./cleartext-http2.js";

export interface EmulatorAppOptions {
  readonly dispatcher: ServiceDispatcher;
  /** Fastify's logger; off by default, since the CLI prints its own lines. */
  readonly logger?: boolean;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

/**
 * Builds the emulator's HTTP server without listening, so tests drive it with `inject()`.
 * Every request body is kept raw: AWS protocols sign and checksum the exact bytes, and S3
 * objects are arbitrary binary.
 */
export function buildEmulatorApp({
  dispatcher,
  logger = false,
}: EmulatorAppOptions): FastifyInstance {
  const app = Fastify({
    logger,
    bodyLimit: 6 * 1024 * 1024 * 1024,
    exposeHeadRoutes: false,
    serverFactory: createDualProtocolServer,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.route({
    method: METHODS,
    url: "/*",
    handler: async (request, reply) => {
      // The path goes on as sent: URL parsing would resolve `.` and `..` segments and read a
      // leading `//` as a host, and S3 object keys may contain all of these.
      const [path = "", query = ""] = splitOnce(request.url, "?");
      const response = await dispatcher.dispatch({
        method: request.method,
        path,
        query: new URLSearchParams(query),
        headers: request.headers as Record<string, string | undefined>,
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      });
      reply.code(response.statusCode).headers(response.headers ?? {});
      return reply.send(response.body ?? "");
    },
  });
  return app;
}

function splitOnce(text: string, separator: string): [string, string?] {
  const index = text.indexOf(separator);
  return index === -1 ? [text] : [text.slice(0, index), text.slice(index + separator.length)];
}
