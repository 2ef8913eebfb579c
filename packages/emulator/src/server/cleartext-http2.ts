import { createServer, type RequestListener, type Server } from "node:http";
import { createServer as createHttp2Server } from "node:http2";
import type { Socket } from "node:net";

/** The first bytes of every HTTP/2 connection with prior knowledge (RFC 9113, section 3.4). */
const HTTP2_PREFACE = Buffer.from("PRI * HTTP/2.0");

/**
 * An HTTP/1.1 server that also speaks cleartext HTTP/2 on the same port. Some AWS SDK clients
 * (Kinesis) always use HTTP/2, even over `http://`, while the rest use HTTP/1.1; sniffing the
 * connection preface lets one endpoint serve both, as `AWS_ENDPOINT_URL` requires.
 */
export function createDualProtocolServer(handler: RequestListener): Server {
  const server = createServer(handler);
  const http2 = createHttp2Server({}, handler as never);
  const http1Connection = server.listeners("connection")[0] as (socket: Socket) => void;
  server.removeAllListeners("connection");
  server.on("connection", (socket: Socket) => {
    socket.once("readable", () => {
      const head = socket.read(
        Math.min(socket.readableLength, HTTP2_PREFACE.length),
      ) as Buffer | null;
      if (head) socket.unshift(head);
      if (head?.equals(HTTP2_PREFACE.subarray(0, head.length)) && head.length > 0) {
        http2.emit("connection", socket);
      } else {
        http1Connection.call(server, socket);
      }
    });
  });
  server.on("close", () => http2.close());
  return server;
}
