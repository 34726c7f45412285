import type { MailOutboxStore } from "../store/ports/MailOutboxStore.ts";
import type { Mailer, MailMessage } from "./Mailer.ts";

/**
 * Without SMTP: keeps every message in the store's outbox, where the recipient's
 * organisation's administrators read it (`GET /api/admin/outbox`) and pass links on.
 */
export class OutboxMailer implements Mailer {
  readonly delivers = false;
  readonly description =
    "no SMTP_URL: mail is kept in the local outbox that administrators read (GET /api/admin/outbox)";

  constructor(private readonly store: MailOutboxStore) {}

  async send({ to, orgId, userId, kind, subject, text, html }: MailMessage): Promise<void> {
    await this.store.appendMail({ recipient: to, orgId, userId, kind, subject, text, html }, new Date());
  }

  async close(): Promise<void> {}
}
