import type { NotificationKind } from "../../../shared/api/notifications.ts";

/** A notification to record for one recipient, decided by server/notifications. */
export interface NewNotification {
  userId: string;
  documentId: string;
  kind: NotificationKind;
  actorId: string | null;
  /** JSON-able: threadId, versionId, milestone, excerpt, … (bounded by the caller). */
  detail: Record<string, string | number | null>;
  /**
   * Unread notifications of one user with the same key are one entry: recording another
   * adds its count, replaces its detail and actor, and marks it unmailed again.
   * Null: always a new entry.
   */
  groupKey: string | null;
  /** How many events this one stands for (several suggestions in one update); 1 when absent. */
  count?: number;
}

export interface NotificationRow {
  id: number;
  userId: string;
  documentId: string;
  kind: NotificationKind;
  actorId: string | null;
  detail: Record<string, string | number | null>;
  groupKey: string | null;
  count: number;
  createdAt: string;
  updatedAt: string;
  readAt: string | null;
  mailedAt: string | null;
}

/** The inbox: notifications per user, read or unread. */
export interface NotificationStore {
  /** Records them in one transaction; returns the rows as stored (new or grouped). */
  addNotifications(list: readonly NewNotification[], at: Date): Promise<NotificationRow[]>;
  /** A user's notifications, newest (by `updatedAt`) first. */
  listNotifications(userId: string, limit: number): Promise<NotificationRow[]>;
  countUnread(userId: string): Promise<number>;
  /** Unread counts of one user per document and kind (counts summed over grouped entries). */
  unreadByDocument(userId: string): Promise<{ documentId: string; kind: NotificationKind; count: number }[]>;
  /** Marks the user's own entries read (others' ids are ignored); returns how many changed. */
  markRead(
    userId: string,
    which: { ids: readonly number[] } | { documentId: string } | "all",
    at: Date,
  ): Promise<number>;
}
