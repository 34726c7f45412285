import { NOTIFICATION_KINDS, type NotificationKind } from "../../../shared/api/notifications.ts";
import type { NotificationMailStore } from "../ports/NotificationMailStore.ts";
import type { Sql } from "./Sql.ts";
import { type NotificationDbRow, toNotification } from "./sqlNotifications.ts";

/** Muted kinds as stored (JSON); anything unknown (a kind since removed) is dropped on read. */
const readKinds = (json: string): NotificationKind[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? NOTIFICATION_KINDS.filter((k) => parsed.includes(k)) : [];
};

/** Notification mail batching, settings and unsubscribe tokens over either database. */
export function sqlNotificationMail(db: Sql): NotificationMailStore {
  /** Sets `mailed_at` on these of the user's notifications that are not mailed yet. */
  const mark = async (tx: Sql, userId: string, ids: readonly number[], at: string) => {
    if (ids.length === 0) return;
    const where = tx.inList("CAST(id AS TEXT)", ids.map(String));
    await tx.run(`UPDATE notifications SET mailed_at = ? WHERE user_id = ? AND mailed_at IS NULL AND ${where.sql}`, [
      at,
      userId,
      where.param,
    ]);
  };

  return {
    async notificationSettings(userId) {
      const row = await db.get<{ email: number | boolean; muted_kinds: string }>(
        "SELECT email, muted_kinds FROM notification_settings WHERE user_id = ?",
        [userId],
      );
      return row
        ? { email: Boolean(row.email), mutedKinds: readKinds(row.muted_kinds) }
        : { email: true, mutedKinds: [] };
    },
    async setNotificationSettings(userId, settings, at) {
      const kinds = JSON.stringify(NOTIFICATION_KINDS.filter((k) => settings.mutedKinds.includes(k)));
      await db.run(
        `INSERT INTO notification_settings (user_id, email, muted_kinds, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, muted_kinds = excluded.muted_kinds,
             updated_at = excluded.updated_at`,
        [userId, settings.email, kinds, at.toISOString()],
      );
    },
    async pendingMail(limit) {
      const rows = await db.all<{ user_id: string; document_id: string; oldest: string }>(
        `SELECT user_id, document_id, min(updated_at) AS oldest FROM notifications WHERE mailed_at IS NULL
           GROUP BY user_id, document_id ORDER BY oldest, user_id, document_id LIMIT ?`,
        [limit],
      );
      return rows.map((r) => ({ userId: r.user_id, documentId: r.document_id, oldest: r.oldest }));
    },
    async unmailedNotifications(userId, documentId) {
      const rows = await db.all<NotificationDbRow>(
        `SELECT * FROM notifications WHERE user_id = ? AND document_id = ? AND mailed_at IS NULL
           ORDER BY updated_at, id`,
        [userId, documentId],
      );
      return rows.map(toNotification);
    },
    async lastMailAt(userId, documentId) {
      const row = await db.get<{ last_sent_at: string }>(
        "SELECT last_sent_at FROM notification_mail_windows WHERE user_id = ? AND document_id = ?",
        [userId, documentId],
      );
      return row?.last_sent_at ?? null;
    },
    recordMail(userId, documentId, ids, since, at) {
      const when = at.toISOString();
      return db.transaction(async (tx) => {
        // One statement claims the pair: a new row, or the old one only while it still holds
        // `since`. Of two instances racing, the second finds the first's row (PostgreSQL waits
        // for its commit, SQLite's writers take turns) and changes nothing.
        const claimed = await tx.run(
          `INSERT INTO notification_mail_windows (user_id, document_id, last_sent_at) VALUES (?, ?, ?)
             ON CONFLICT (user_id, document_id) DO UPDATE SET last_sent_at = excluded.last_sent_at
             WHERE notification_mail_windows.last_sent_at <= ?`,
          [userId, documentId, when, since],
        );
        if (claimed === 0) return false;
        await mark(tx, userId, ids, when);
        return true;
      });
    },
    async markMailed(userId, ids, at) {
      await mark(db, userId, ids, at.toISOString());
    },
    async addUnsubscribeToken(tokenHash, userId, expiresAt) {
      await db.run("INSERT INTO unsubscribe_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)", [
        tokenHash,
        userId,
        new Date().toISOString(),
        expiresAt.toISOString(),
      ]);
    },
    async unsubscribeTokenUser(tokenHash, now) {
      const row = await db.get<{ user_id: string }>(
        "SELECT user_id FROM unsubscribe_tokens WHERE token_hash = ? AND expires_at > ?",
        [tokenHash, now.toISOString()],
      );
      return row?.user_id ?? null;
    },
  };
}
