import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { findSession, SESSION_COOKIE } from "../accounts/sessions.ts";
import { unauthorized } from "../errors.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";
import type { SessionStore } from "../store/ports/SessionStore.ts";

/** Variables the session middleware puts on the Hono context. */
export interface SessionVariables {
  user: UserRow;
}

/** Requires a live session cookie (not expired, account active) and puts its user on the context; 401 otherwise. */
export const requireSession = (store: SessionStore) =>
  createMiddleware<{ Variables: SessionVariables }>(async function requireSession(c, next) {
    const session = await findSession(store, getCookie(c, SESSION_COOKIE));
    if (!session) throw unauthorized();
    c.set("user", session.user);
    await next();
  });
