import { Hono } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { AuditQuery, LoginRequest } from "../../../shared/api/schemas.ts";
import { authenticate, publicUser } from "../../accounts/accounts.ts";
import type { LiveSessions } from "../../accounts/LiveSessions.ts";
import { LoginThrottle } from "../../accounts/LoginThrottle.ts";
import { closeSession, SESSION_COOKIE } from "../../accounts/sessions.ts";
import { readAccountEvents } from "../../accounts/signIns.ts";
import type { Config } from "../../config.ts";
import { AppError, passwordSignInDisabled, tooManyAttempts } from "../../errors.ts";
import { describeOrganisation } from "../../organisations/look.ts";
import { passwordSignInAllowed } from "../../sso/passwordSignIn.ts";
import type { AccountStore } from "../../store/ports/AccountStore.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { OrganisationStore } from "../../store/ports/OrganisationStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { readBody, readQuery } from "../body.ts";
import { clientAddress } from "../clientAddress.ts";
import { addressKey } from "../rateLimit.ts";
import { requireSession, type SessionVariables } from "../session.ts";
import { signIn } from "../signIn.ts";

/** Sign-in, sign-out, the signed-in user, their organisation and their own sign-in history. */
export function authRoutes(
  store: AccountStore & OrganisationStore & SessionStore & AuditStore,
  config: Config,
  sessions: Pick<LiveSessions, "sessionEnded">,
) {
  const throttle = new LoginThrottle(config.loginLimits);
  return new Hono<{ Variables: SessionVariables }>()
    .post("/auth/login", async (c) => {
      const { email, password } = await readBody(c, LoginRequest);
      const address = clientAddress(c, config.trustedProxies);
      // Counted by /64 for IPv6: one subscriber holds a whole /64 (the audit keeps the address).
      const counted = addressKey(address);
      const wait = throttle.retryAfter(email, counted);
      if (wait > 0) {
        c.header("Retry-After", String(wait));
        throw tooManyAttempts(wait);
      }
      let user: Awaited<ReturnType<typeof authenticate>>;
      try {
        user = await authenticate(store, email, password);
      } catch (err) {
        if (err instanceof AppError && err.code === "account_deactivated") {
          // The right password of a deactivated account: no failure to throttle, but on its record.
          await store.appendAudit({
            userId: null,
            documentId: null,
            subjectId: (await store.findUserByEmail(email))?.id ?? null,
            action: "auth.login_refused",
            detail: { reason: "deactivated", address },
          });
        }
        if (err instanceof AppError && err.code === "invalid_credentials") {
          throttle.recordFailure(email, counted);
          // The e-mail tried is on record, never the password. A known account is the
          // subject, so its owner sees attempts on it (GET /api/me/signins). Throttled attempts
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
      if (!(await passwordSignInAllowed(store, user))) {
        // Known only to whoever has the password; not a failure to throttle, but on the account's record.
        await store.appendAudit({
          userId: null,
          documentId: null,
          subjectId: user.id,
          action: "auth.login_refused",
          detail: { reason: "password_sign_in_off", address },
        });
        throw passwordSignInDisabled();
      }
      throttle.recordSuccess(email, counted);
      return c.json({ user: await signIn(c, store, config, user, "password") });
    })
    .post("/auth/logout", async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      // Deleted first, so a socket reconnecting anywhere is refused; then its open sockets close (4401).
      if (token) sessions.sessionEnded(await closeSession(store, token));
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    })
    .get("/me", requireSession(store), async (c) => c.json(await publicUser(store, c.get("user"))))
    .get("/me/organisation", requireSession(store), async (c) =>
      c.json(await describeOrganisation(store, c.get("user").orgId)),
    )
    .get("/me/signins", requireSession(store), async (c) => {
      const { limit } = readQuery(c, AuditQuery);
      return c.json(await readAccountEvents(store, c.get("user").id, limit));
    });
}
