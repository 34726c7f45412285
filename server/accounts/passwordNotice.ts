import { composeMail, formatMailTime } from "../mail/composeMail.ts";
import type { MailQueue } from "../mail/MailQueue.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";

/** Tells the owner their password changed, so that a change they did not make does not go unnoticed. */
export function notifyPasswordChanged(mail: MailQueue, user: UserRow): void {
  mail.post(async () => ({
    ...composeMail(
      "password_changed",
      user.language,
      { name: user.name, at: formatMailTime(new Date(), user.language) },
      null,
    ),
    to: user.email,
    orgId: user.orgId,
    userId: user.id,
    kind: "password_changed",
  }));
}
