/** A message as the local outbox keeps it (no SMTP configured). */
export interface OutboxMail {
  id: number;
  at: string;
  recipient: string;
  /** The organisation whose administrators may read it. */
  orgId: string;
  /** The account it went to; null for an invitee, who has none yet. */
  userId: string | null;
  kind: string;
  subject: string;
  text: string;
  html: string;
}

/** The local outbox that administrators read instead of a mailbox. */
export interface MailOutboxStore {
  appendMail(mail: Omit<OutboxMail, "id" | "at">, at: Date): Promise<void>;
  /** Mail to these organisations, newest first; every organisation's for `null`. */
  listMail(orgIds: readonly string[] | null, limit: number): Promise<OutboxMail[]>;
}
