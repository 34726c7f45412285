import type { Context } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** A Host header we are willing to echo into the policy: name or IP literal, optional port. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The collab WebSocket of this very host. CSP's 'self' covers ws:/wss: only in recent
 * browsers, and a bare `ws:` would let injected code talk to any socket in the world.
 */
function sameHostSockets(c: Context): string {
  const host = c.req.header("host") ?? "";
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : "";
}

/**
 * Security headers with a strict Content-Security-Policy: scripts only from this origin
 * (no inline, no eval: the client runs zod jitless), no plugins, no framing, no <base>.
 * Styles allow 'unsafe-inline' because TipTap injects its stylesheet and the carets carry
 * inline colours; styles cannot run code.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'", sameHostSockets],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
