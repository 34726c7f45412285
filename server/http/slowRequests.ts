import type { IncomingMessage, Server } from "node:http";

/**
 * Destroys sockets that do not complete an HTTP request (a WebSocket upgrade included)
 * within `ms` of connecting: a flood of half-open handshakes must not pile up. Node's own
 * headersTimeout did not fire for partial request lines in our tests, so this is explicit.
 */
export function dropSlowRequests(server: Server, ms: number): void {
  server.on("connection", (socket) => {
    socket.setTimeout(ms, () => socket.destroy());
  });
  const started = (req: IncomingMessage) => req.socket.setTimeout(0);
  server.on("request", started);
  server.on("upgrade", started);
}
