import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { findSession, SESSION_COOKIE } from "../accounts/sessions.ts";
import { forbidden, unauthorized } from "../errors.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";
import type { SessionStore } from "../store/ports/SessionStore.ts";

/** Variables the session middleware puts on the Hono context. */
export interface SessionVariables {
  user: UserRow;
  /** The session's id (its token hash): what a password change keeps. */
  sessionId: string;
}

/** Requires a live session cookie (not expired, account active) and puts its user on the context; 401 otherwise. */
export const requireSession = (store: SessionStore) =>
  createMiddleware<{ Variables: SessionVariables }>(async function requireSession(c, next) {
    const session = await findSession(store, getCookie(c, SESSION_COOKIE));
    if (!session) throw unauthorized();
    c.set("user", session.user);
    c.set("sessionId", session.tokenHash);
    await next();
  });

/**
 * After `requireSession`: refuses (403) a user who administers nothing. Which organisation
 * they may act on is the route's own check (`administers`).
 */
export const requireAdministrator = createMiddleware<{ Variables: SessionVariables }>(
  async function requireAdministrator(c, next) {
    if (c.get("user").instanceRole === null) throw forbidden("administrators only");
    await next();
  },
);
