import type { Config } from "../config.ts";
import type { MailOutboxStore } from "../store/ports/MailOutboxStore.ts";
import type { Mailer } from "./Mailer.ts";
import { OutboxMailer } from "./OutboxMailer.ts";
import { SmtpMailer } from "./SmtpMailer.ts";

/** SMTP when `SMTP_URL` is set, otherwise the local outbox in the store. */
export const openMailer = (config: Pick<Config, "smtpUrl" | "mailFrom">, store: MailOutboxStore): Mailer =>
  config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(store);
