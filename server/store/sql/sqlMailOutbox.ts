import type { MailOutboxStore, OutboxMail } from "../ports/MailOutboxStore.ts";
import type { Sql } from "./Sql.ts";

interface OutboxDbRow {
  id: number | string;
  at: string;
  recipient: string;
  org_id: string;
  user_id: string | null;
  kind: string;
  subject: string;
  text: string;
  html: string;
}

const toMail = (r: OutboxDbRow): OutboxMail => ({
  // PostgreSQL answers BIGSERIAL as a string.
  id: Number(r.id),
  at: r.at,
  recipient: r.recipient,
  orgId: r.org_id,
  userId: r.user_id,
  kind: r.kind,
  subject: r.subject,
  text: r.text,
  html: r.html,
});

/** The local mail outbox over either database. */
export function sqlMailOutbox(db: Sql): MailOutboxStore {
  return {
    async appendMail(m, at) {
      await db.run(
        "INSERT INTO mail_outbox (at, recipient, org_id, user_id, kind, subject, text, html) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [at.toISOString(), m.recipient, m.orgId, m.userId, m.kind, m.subject, m.text, m.html],
      );
    },
    async listMail(orgIds, limit) {
      if (orgIds === null) {
        return (await db.all<OutboxDbRow>("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT ?", [limit])).map(toMail);
      }
      if (orgIds.length === 0) return [];
      const where = db.inList("org_id", orgIds);
      const rows = await db.all<OutboxDbRow>(`SELECT * FROM mail_outbox WHERE ${where.sql} ORDER BY id DESC LIMIT ?`, [
        where.param,
        limit,
      ]);
      return rows.map(toMail);
    },
  };
}
