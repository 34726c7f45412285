import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { LoginRequest } from "../../../shared/api/schemas.ts";
import { authenticate, publicUser } from "../../accounts/accounts.ts";
import { closeSession, openSession, SESSION_COOKIE } from "../../accounts/sessions.ts";
import type { Config } from "../../config.ts";
import type { Store } from "../../store/Store.ts";
import { readBody } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** Sign-in, sign-out and the signed-in user. */
export function authRoutes(store: Store, config: Config) {
  return new Hono<{ Variables: SessionVariables }>()
    .post("/auth/login", async (c) => {
      const { email, password } = await readBody(c, LoginRequest);
      const user = await authenticate(store, email, password);
      const token = await openSession(store, user.id, config.sessionMs);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: config.cookieSecure,
        path: "/",
        maxAge: Math.floor(config.sessionMs / 1000),
      });
      return c.json({ user: await publicUser(store, user) });
    })
    .post("/auth/logout", async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await closeSession(store, token);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    })
    .get("/me", requireSession(store), async (c) => c.json(await publicUser(store, c.get("user"))));
}
