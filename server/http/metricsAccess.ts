import { timingSafeEqual } from "node:crypto";
import { createMiddleware } from "hono/factory";
import { AppError, forbidden } from "../errors.ts";
import { clientAddress, FORWARDING_HEADERS, isLoopback, peerAddress, type TrustedProxies } from "./clientAddress.ts";

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Who may read /metrics (room counts, connections, refusals: reconnaissance for an attacker).
 * With `METRICS_TOKEN`: whoever sends it as a bearer token. Without: only a client on this
 * machine, and only when no undeclared proxy relayed the request, because a reverse proxy
 * on the same host makes every visitor look like 127.0.0.1 (declare it in TRUST_PROXY, or
 * set a token).
 */
export const metricsAccess = (token: string | null, trusted: TrustedProxies) =>
  createMiddleware(async function metricsAccess(c, next) {
    if (token) {
      if (!sameSecret(c.req.header("authorization") ?? "", `Bearer ${token}`)) {
        throw new AppError(401, "unauthorized", "metrics need the configured bearer token");
      }
    } else {
      const relayed = !trusted.has(peerAddress(c)) && FORWARDING_HEADERS.some((h) => c.req.header(h) !== undefined);
      if (relayed || !isLoopback(clientAddress(c, trusted))) {
        throw forbidden("metrics are readable from this machine only; set METRICS_TOKEN to read them from elsewhere");
      }
    }
    await next();
  });
