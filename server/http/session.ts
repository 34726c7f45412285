import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { SESSION_COOKIE, sessionUser } from "../accounts/sessions.ts";
import { unauthorized } from "../errors.ts";
import type { Store, UserRow } from "../store/Store.ts";

/** Variables the session middleware puts on the Hono context. */
export interface SessionVariables {
  user: UserRow;
}

/** Requires a valid session cookie and puts its user on the context; 401 otherwise. */
export const requireSession = (store: Store) =>
  createMiddleware<{ Variables: SessionVariables }>(async function requireSession(c, next) {
    const user = await sessionUser(store, getCookie(c, SESSION_COOKIE));
    if (!user) throw unauthorized();
    c.set("user", user);
    await next();
  });
