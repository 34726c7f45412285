import type { NotificationKind } from "../../../shared/api/notifications.ts";
import type { NewNotification, NotificationRow, NotificationStore } from "../ports/NotificationStore.ts";
import type { Sql } from "./Sql.ts";

export interface NotificationDbRow {
  id: number | string;
  user_id: string;
  document_id: string;
  kind: NotificationKind;
  actor_id: string | null;
  detail: string;
  group_key: string | null;
  count: number | string;
  created_at: string;
  updated_at: string;
  read_at: string | null;
  mailed_at: string | null;
}

export const toNotification = (r: NotificationDbRow): NotificationRow => ({
  // PostgreSQL answers BIGSERIAL and BIGINT as strings.
  id: Number(r.id),
  userId: r.user_id,
  documentId: r.document_id,
  kind: r.kind,
  actorId: r.actor_id,
  detail: JSON.parse(r.detail) as NotificationRow["detail"],
  groupKey: r.group_key,
  count: Number(r.count),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  readAt: r.read_at,
  mailedAt: r.mailed_at,
});

/** Adds one notification, or folds it into the user's unread entry with the same group key. */
async function addOne(tx: Sql, n: NewNotification, at: string): Promise<NotificationRow> {
  const detail = JSON.stringify(n.detail);
  const count = n.count ?? 1;
  if (n.groupKey !== null) {
    const grouped = await tx.get<NotificationDbRow>(
      `UPDATE notifications SET count = count + ?, detail = ?, actor_id = ?, updated_at = ?, mailed_at = NULL
         WHERE id = (SELECT id FROM notifications WHERE user_id = ? AND group_key = ? AND read_at IS NULL
                     ORDER BY id DESC LIMIT 1)
         RETURNING *`,
      [count, detail, n.actorId, at, n.userId, n.groupKey],
    );
    if (grouped) return toNotification(grouped);
  }
  const row = await tx.get<NotificationDbRow>(
    `INSERT INTO notifications (user_id, document_id, kind, actor_id, detail, group_key, count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    [n.userId, n.documentId, n.kind, n.actorId, detail, n.groupKey, count, at, at],
  );
  if (!row) throw new Error("notification not stored");
  return toNotification(row);
}

/** The inbox over either database. */
export function sqlNotifications(db: Sql): NotificationStore {
  return {
    addNotifications(list, at) {
      return db.transaction(async (tx) => {
        const rows: NotificationRow[] = [];
        for (const n of list) rows.push(await addOne(tx, n, at.toISOString()));
        return rows;
      });
    },
    async listNotifications(userId, limit) {
      const rows = await db.all<NotificationDbRow>(
        "SELECT * FROM notifications WHERE user_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?",
        [userId, limit],
      );
      return rows.map(toNotification);
    },
    async countUnread(userId) {
      const row = await db.get<{ n: number | string }>(
        "SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL",
        [userId],
      );
      return Number(row?.n ?? 0);
    },
    async unreadByDocument(userId) {
      const rows = await db.all<{ document_id: string; kind: NotificationKind; n: number | string }>(
        `SELECT document_id, kind, sum(count) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL
           GROUP BY document_id, kind`,
        [userId],
      );
      return rows.map((r) => ({ documentId: r.document_id, kind: r.kind, count: Number(r.n) }));
    },
    async markRead(userId, which, at) {
      const when = at.toISOString();
      if (which === "all") {
        return db.run("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", [when, userId]);
      }
      if ("documentId" in which) {
        return db.run(
          "UPDATE notifications SET read_at = ? WHERE user_id = ? AND document_id = ? AND read_at IS NULL",
          [when, userId, which.documentId],
        );
      }
      if (which.ids.length === 0) return 0;
      const where = db.inList("CAST(id AS TEXT)", which.ids.map(String));
      return db.run(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND ${where.sql}`, [
        when,
        userId,
        where.param,
      ]);
    },
  };
}
