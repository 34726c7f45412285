import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { LoginRequest } from "../../../shared/api/schemas.ts";
import { authenticate, publicUser } from "../../accounts/accounts.ts";
import { LoginThrottle } from "../../accounts/LoginThrottle.ts";
import { closeSession, openSession, SESSION_COOKIE } from "../../accounts/sessions.ts";
import type { Config } from "../../config.ts";
import { AppError, tooManyAttempts } from "../../errors.ts";
import type { Store } from "../../store/Store.ts";
import { readBody } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** Sign-in, sign-out and the signed-in user. */
export function authRoutes(store: Store, config: Config) {
  const throttle = new LoginThrottle(config.loginLimits);
  return new Hono<{ Variables: SessionVariables }>()
    .post("/auth/login", async (c) => {
      const { email, password } = await readBody(c, LoginRequest);
      const address = getConnInfo(c).remote.address ?? "unknown";
      const wait = throttle.retryAfter(email, address);
      if (wait > 0) {
        c.header("Retry-After", String(wait));
        throw tooManyAttempts(wait);
      }
      let user: Awaited<ReturnType<typeof authenticate>>;
      try {
        user = await authenticate(store, email, password);
      } catch (err) {
        if (err instanceof AppError && err.code === "invalid_credentials") {
          throttle.recordFailure(email, address);
          // The e-mail tried is on record, never the password. A known account is the
          // subject, so the owners of its documents see attempts on it. Throttled attempts
          // (429 above) are not recorded: a guesser must not be able to grow the log at will.
          const target = await store.findUserByEmail(email);
          await store.appendAudit({
            userId: null,
            documentId: null,
            subjectId: target?.id ?? null,
            action: "auth.login_failed",
            detail: { email, address },
          });
        }
        throw err;
      }
      await store.appendAudit({ userId: user.id, documentId: null, action: "auth.login", detail: { address } });
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
