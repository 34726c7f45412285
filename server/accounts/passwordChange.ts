import { invalidCredentials, tooManyAttempts } from "../errors.ts";
import type { MailQueue } from "../mail/MailQueue.ts";
import type { AccountStore, UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { LiveSessions } from "./LiveSessions.ts";
import type { LoginThrottle } from "./LoginThrottle.ts";
import { notifyPasswordChanged } from "./passwordNotice.ts";
import { checkNewPassword } from "./passwordRules.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export interface PasswordChangeDeps {
  store: AccountStore & AuditStore;
  sessions: Pick<LiveSessions, "userSignedOut">;
  mail: MailQueue;
  /** Guesses of the current password with a stolen session are throttled like sign-ins. */
  throttle: LoginThrottle;
}

/**
 * Changes the signed-in user's password after checking the current one. The session that
 * asked stays (its owner just proved the password); every other session ends and its
 * sockets close, here and on every other instance.
 */
export async function changePassword(
  deps: PasswordChangeDeps,
  user: UserRow,
  sessionId: string,
  addressKey: string,
  request: { current: string; next: string },
): Promise<void> {
  const wait = deps.throttle.retryAfter(user.email, addressKey);
  if (wait > 0) throw tooManyAttempts(wait);
  if (!(await verifyPassword(request.current, user.passwordHash))) {
    deps.throttle.recordFailure(user.email, addressKey);
    throw invalidCredentials();
  }
  checkNewPassword(request.next, user);
  await deps.store.setPassword(user.id, await hashPassword(request.next), sessionId);
  deps.sessions.userSignedOut(user.id, sessionId);
  await deps.store.appendAudit({ userId: user.id, documentId: null, action: "password.changed", detail: {} });
  notifyPasswordChanged(deps.mail, user);
}
