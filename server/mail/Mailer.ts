/** One message ready to leave: plain text and HTML, for one recipient. */
export interface MailMessage {
  to: string;
  /** The organisation whose administrators may read it in the local outbox. */
  orgId: string;
  /** The account it goes to; null for an invitee, who has none yet. */
  userId: string | null;
  kind: MailKind;
  subject: string;
  text: string;
  html: string;
  /** Extra header lines (e.g. List-Unsubscribe); SMTP sends them, the local outbox has no use for them. */
  headers?: Record<string, string>;
}

/** What Accord writes to people. */
export type MailKind = "invitation" | "password_reset" | "password_changed" | "notification";

/**
 * Where mail goes: SMTP (`SmtpMailer`) or, without SMTP, the local outbox that
 * administrators read (`OutboxMailer`).
 */
export interface Mailer {
  /** True when messages reach the recipient's mailbox; false for the local outbox. */
  readonly delivers: boolean;
  /** A line for the start-up log: where mail goes, never a password. */
  readonly description: string;
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
