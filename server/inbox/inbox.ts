import type { MarkRead, NotificationItem, NotificationList } from "../../shared/api/notifications.ts";
import { badRequest } from "../errors.ts";
import type { AccountStore } from "../store/ports/AccountStore.ts";
import type { DocumentStore } from "../store/ports/DocumentStore.ts";
import type { NotificationRow, NotificationStore } from "../store/ports/NotificationStore.ts";

/** What reading the inbox needs: the entries, the user's documents (titles, membership), actors' names. */
export type InboxReader = Pick<NotificationStore, "listNotifications" | "markRead"> &
  Pick<DocumentStore, "listDocumentsOf"> &
  Pick<AccountStore, "findUserById">;

/** The newest entries the inbox shows; the bell counts the unread among them. */
export const INBOX_LIMIT = 100;

/** Row ids travel as decimal strings (JSON numbers would lose PostgreSQL's BIGSERIAL range). */
const ROW_ID = /^[1-9][0-9]{0,14}$/;

const text = (v: string | number | null | undefined): string | null =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : null;

/** One stored row as the client sees it: the document's title, the actor's name, where it leads. */
function itemOf(row: NotificationRow, title: string, actor: NotificationItem["actor"]): NotificationItem {
  return {
    id: String(row.id),
    kind: row.kind,
    documentId: row.documentId,
    documentTitle: title,
    actor,
    target: {
      documentId: row.documentId,
      threadId: text(row.detail.threadId),
      versionId: text(row.detail.versionId),
    },
    excerpt: text(row.detail.excerpt) ?? "",
    milestone: text(row.detail.milestone),
    count: row.count,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    readAt: row.readAt,
  };
}

/**
 * The user's inbox, newest first. Entries of documents they are no longer a member of are
 * left out: a removed member learns nothing more of the document, not even its new title.
 */
export async function readInbox(store: InboxReader, userId: string): Promise<NotificationList> {
  const titles = new Map((await store.listDocumentsOf(userId)).map((d) => [d.id, d.title]));
  const rows = (await store.listNotifications(userId, INBOX_LIMIT)).filter((r) => titles.has(r.documentId));
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId === null ? [] : [r.actorId])))];
  const names = new Map(
    await Promise.all(actorIds.map(async (id) => [id, (await store.findUserById(id))?.name ?? id] as const)),
  );
  const items = rows.map((r) =>
    itemOf(
      r,
      titles.get(r.documentId) ?? r.documentId,
      r.actorId === null ? null : { id: r.actorId, name: names.get(r.actorId) ?? r.actorId },
    ),
  );
  return { unread: items.filter((i) => i.readAt === null).length, items };
}

/** Marks the user's own entries read (the store ignores others' ids); `bad_request` for ids that are no row ids. */
export async function markInboxRead(store: InboxReader, userId: string, which: MarkRead, at: Date): Promise<number> {
  if ("all" in which) return store.markRead(userId, "all", at);
  if ("documentId" in which) return store.markRead(userId, { documentId: which.documentId }, at);
  if (!which.ids.every((id) => ROW_ID.test(id))) throw badRequest("notification ids are decimal row ids");
  return store.markRead(userId, { ids: which.ids.map(Number) }, at);
}
