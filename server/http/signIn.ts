import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import type { User } from "../../shared/api/schemas.ts";
import { publicUser } from "../accounts/accounts.ts";
import { openSession, SESSION_COOKIE } from "../accounts/sessions.ts";
import type { Config } from "../config.ts";
import type { AccountStore, UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { OrganisationStore } from "../store/ports/OrganisationStore.ts";
import type { SessionStore } from "../store/ports/SessionStore.ts";
import { clientAddress, isHttps } from "./clientAddress.ts";

/** How a user proved who they are; the audit keeps it. */
export type SignInMethod = "password" | "invitation" | "reset" | "oidc";

/**
 * Signs an authenticated, active user in: a new session, its cookie, the sign-in on the
 * user's record and in the audit. Every way in (password, invitation, reset, single sign-on)
 * ends here, so they cannot differ in how the cookie is protected.
 */
export async function signIn(
  c: Context,
  store: Pick<SessionStore, "createSession"> &
    Pick<AccountStore, "recordSignIn"> &
    Pick<OrganisationStore, "organisationName"> &
    AuditStore,
  config: Pick<Config, "sessionMs" | "cookieSecure" | "trustedProxies">,
  user: UserRow,
  method: SignInMethod,
): Promise<User> {
  const address = clientAddress(c, config.trustedProxies);
  await store.recordSignIn(user.id, new Date());
  await store.appendAudit({ userId: user.id, documentId: null, action: "auth.login", detail: { address, method } });
  const token = await openSession(store, user.id, config.sessionMs);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    // Over HTTPS (directly or per a trusted proxy) the cookie must never travel in clear.
    secure: config.cookieSecure || isHttps(c, config.trustedProxies),
    path: "/",
    maxAge: Math.floor(config.sessionMs / 1000),
  });
  return publicUser(store, user);
}
