import { useCallback, useEffect, useState } from "react";
import type { MarkRead, NotificationList } from "../../../../shared/api/notifications.ts";
import { fetchNotifications, markNotificationsRead } from "../../api/notifications.ts";
import { useOnReturn } from "../../lib/useOnReturn.ts";

/** How often the inbox asks the server (no WebSocket protocol of its own, issue 16). */
export const INBOX_POLL_MS = 30_000;

export interface Inbox {
  /** The inbox as last loaded; null before the first answer. */
  list: NotificationList | null;
  /** The last load failed (the list, if any, is still the one before). */
  error: unknown;
  reload: () => void;
  markRead: (which: MarkRead) => void;
}

/** The signed-in user's inbox: loaded now, every 30 s while the tab is visible, and on returning to it. */
export function useInbox(): Inbox {
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    fetchNotifications().then(
      (next) => {
        setList(next);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, []);

  useEffect(() => {
    reload();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, INBOX_POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  useOnReturn(reload);

  const markRead = useCallback((which: MarkRead) => {
    // Shown read at once; the server's answer (the inbox as it is then) replaces the guess.
    setList((current) => (current ? optimisticallyRead(current, which) : current));
    markNotificationsRead(which).then(setList, (err: unknown) => setError(err));
  }, []);

  return { list, error, reload, markRead };
}

/** The list with the given entries marked read, until the server answers. */
function optimisticallyRead(list: NotificationList, which: MarkRead): NotificationList {
  const now = new Date().toISOString();
  const hit = (item: NotificationList["items"][number]) =>
    "all" in which ? true : "documentId" in which ? item.documentId === which.documentId : which.ids.includes(item.id);
  const items = list.items.map((i) => (i.readAt === null && hit(i) ? { ...i, readAt: now } : i));
  return { unread: items.filter((i) => i.readAt === null).length, items };
}
