import { createMiddleware } from "hono/factory";
import { forbidden } from "../errors.ts";

/**
 * True if a browser request from `origin` may act on this server: its host is the one
 * the request was sent to, or it is listed in ALLOWED_ORIGINS.
 */
export function isAllowedOrigin(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection for cookie-authenticated state changes, for every content type (Hono's
 * `csrf` checks only form-like ones): a browser sends `Origin` (or at least
 * `Sec-Fetch-Site`) with such requests; a foreign one is refused. Clients that send
 * neither are not browsers and cannot carry a victim's cookie.
 */
export const csrfProtection = (allowed: readonly string[]) =>
  createMiddleware(async function csrfProtection(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      const ok = origin
        ? isAllowedOrigin(origin, c.req.header("host"), allowed)
        : site === undefined || site === "same-origin" || site === "none";
      if (!ok) throw forbidden("cross-site request refused");
    }
    await next();
  });
