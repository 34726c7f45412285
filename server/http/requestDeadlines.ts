import type { ServerOptions } from "node:http";

/** Longest time a request body may take, whatever the header deadline: MAX_BODY_BYTES on a slow line. */
const MIN_REQUEST_MS = 30_000;

/**
 * HTTP server options that drop sockets which do not send a complete request head (a
 * WebSocket upgrade included) within `headersMs` of connecting: a flood of half-open
 * handshakes must not pile up. The deadline is absolute, so dribbling one header line at
 * a time (slowloris) does not extend it, as an idle timeout would. Node checks deadlines
 * only every `connectionsCheckingInterval` (30 s by default), hence the shorter interval.
 */
export function requestDeadlines(
  headersMs: number,
): Pick<ServerOptions, "headersTimeout" | "requestTimeout" | "connectionsCheckingInterval"> {
  return {
    headersTimeout: headersMs,
    requestTimeout: Math.max(headersMs, MIN_REQUEST_MS),
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersMs / 4))),
  };
}
