import type { Config } from "../config.ts";
import { notFound, tooManyRequests } from "../errors.ts";
import { RateLimiter } from "../http/RateLimiter.ts";
import { composeMail, formatMailTime } from "../mail/composeMail.ts";
import type { MailQueue } from "../mail/MailQueue.ts";
import type { AccountStore, UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { OrganisationStore } from "../store/ports/OrganisationStore.ts";
import type { PasswordResetStore } from "../store/ports/PasswordResetStore.ts";
import type { LiveSessions } from "./LiveSessions.ts";
import { notifyPasswordChanged } from "./passwordNotice.ts";
import { checkNewPassword } from "./passwordRules.ts";
import { hashPassword } from "./passwords.ts";
import { hashToken, isTokenShaped, newToken } from "./tokens.ts";

/**
 * Where an organisation signs in through single sign-on only, a reset would be a way around
 * it (it ends in a sign-in): its people get no link, and links sent before are refused.
 */
async function signsInWithPassword(store: Pick<OrganisationStore, "findOrganisation">, user: UserRow) {
  return (await store.findOrganisation(user.orgId))?.passwordSignIn !== false;
}

/** A reset link is good for one hour. */
export const RESET_TTL_MS = 3600_000;

export interface ResetDeps {
  store: PasswordResetStore & AccountStore & AuditStore & Pick<OrganisationStore, "findOrganisation">;
  mail: MailQueue;
  sessions: Pick<LiveSessions, "userSignedOut">;
  config: Pick<Config, "publicUrl" | "resetLimits">;
}

/** The reset page is a client route after `#`, so the token reaches no server log or Referer. */
export const resetUrl = (publicUrl: string, token: string): string => `${publicUrl}/#/reset/${token}`;

/**
 * Reset requests: throttled per e-mail and per client address alike for known and unknown
 * addresses (so a 429 says nothing about accounts); everything that depends on whether
 * the address has an account runs after the answer, so the answer takes the same time.
 */
export class PasswordResets {
  private readonly perEmail: RateLimiter;
  private readonly perAddress: RateLimiter;

  constructor(private readonly deps: ResetDeps) {
    const { perEmail, perAddress, windowMs } = deps.config.resetLimits;
    this.perEmail = new RateLimiter({ max: perEmail, windowMs, maxKeys: 10_000 });
    this.perAddress = new RateLimiter({ max: perAddress, windowMs, maxKeys: 10_000 });
  }

  /** Counts the request and posts the link if the address is an active account's; 429 when throttled. */
  request(email: string, addressKey: string, address: string): void {
    const wait = Math.max(this.perAddress.take(addressKey), this.perEmail.take(email));
    if (wait > 0) throw tooManyRequests(wait);
    const { store, config } = this.deps;
    this.deps.mail.post(async () => {
      const user = await store.findUserByEmail(email);
      if (!user || user.deactivatedAt !== null || !(await signsInWithPassword(store, user))) return null;
      const { token, hash } = newToken();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
      await store.createPasswordReset(hash, user.id, now, expiresAt);
      await store.appendAudit({
        userId: null,
        documentId: null,
        subjectId: user.id,
        action: "password.reset_requested",
        detail: { address },
      });
      const message = composeMail(
        "password_reset",
        user.language,
        { name: user.name, expiresAt: formatMailTime(expiresAt, user.language) },
        resetUrl(config.publicUrl, token),
      );
      return { ...message, to: user.email, orgId: user.orgId, userId: user.id, kind: "password_reset" };
    });
  }

  /**
   * Sets the new password with a link's token, once: every session of the user ends and
   * their sockets close. Returns the user, to be signed in. 404 for any bad token.
   */
  async complete(token: string, password: string): Promise<UserRow> {
    const { store } = this.deps;
    const hash = isTokenShaped(token) ? hashToken(token) : null;
    const userId = hash ? await store.findPasswordReset(hash, new Date()) : null;
    const user = userId ? await store.findUserById(userId) : null;
    if (!hash || !user || !(await signsInWithPassword(store, user))) throw notFound("reset link");
    checkNewPassword(password, user);
    if ((await store.resetPassword(hash, new Date(), await hashPassword(password))) !== user.id) {
      throw notFound("reset link");
    }
    this.deps.sessions.userSignedOut(user.id, null);
    await store.appendAudit({ userId: user.id, documentId: null, action: "password.reset", detail: {} });
    notifyPasswordChanged(this.deps.mail, user);
    return user;
  }
}
