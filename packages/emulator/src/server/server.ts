import type { FastifyInstance } from "fastify";

export const DEFAULT_PORT = 4510;
export const LOOPBACK = "127.0.0.1";

export interface ListenOptions {
  readonly port?: number;
  readonly host?: string;
}

/** Listens on loopback unless told otherwise; returns the address actually bound. */
export async function listen(
  app: FastifyInstance,
  { port = DEFAULT_PORT, host = LOOPBACK }: ListenOptions = {},
) {
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return { host, port: bound, url: `http://${host}:${bound}` };
}
