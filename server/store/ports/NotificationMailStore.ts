import type { NotificationKind } from "../../../shared/api/notifications.ts";
import type { NotificationRow } from "./NotificationStore.ts";

/** A user's mail settings; the default (no row) is every kind by mail. */
export interface NotificationSettingsRow {
  email: boolean;
  mutedKinds: NotificationKind[];
}

/**
 * What batching the notification mail needs: which notifications are not mailed yet, when
 * each user last got a mail about each document, their settings, and the unsubscribe
 * tokens (stored as SHA-256 hashes only, like every other token).
 */
export interface NotificationMailStore {
  notificationSettings(userId: string): Promise<NotificationSettingsRow>;
  setNotificationSettings(userId: string, settings: NotificationSettingsRow, at: Date): Promise<void>;
  /**
   * (user, document) pairs with unmailed notifications, oldest first, at most `limit`;
   * `oldest` is the earliest `updatedAt` among them (a grouped entry counts from its last event).
   */
  pendingMail(limit: number): Promise<{ userId: string; documentId: string; oldest: string }[]>;
  /** The unmailed notifications of one user about one document, oldest first. */
  unmailedNotifications(userId: string, documentId: string): Promise<NotificationRow[]>;
  /** When the user last got a notification mail about the document. */
  lastMailAt(userId: string, documentId: string): Promise<string | null>;
  /**
   * In one transaction: marks the notifications mailed (also those skipped by settings) and
   * records the mail time for the pair, so two instances cannot both send it: false when
   * another already recorded a mail for the pair after `since`.
   */
  recordMail(
    userId: string,
    documentId: string,
    ids: readonly number[],
    since: string | null,
    at: Date,
  ): Promise<boolean>;
  /**
   * Marks notifications of the user mailed without recording a mail (settings skipped them, or
   * the user had read them already), so that they leave `pendingMail` and the window stays.
   */
  markMailed(userId: string, ids: readonly number[], at: Date): Promise<void>;
  addUnsubscribeToken(tokenHash: string, userId: string, expiresAt: Date): Promise<void>;
  /** The user whose unexpired token this is, or null. */
  unsubscribeTokenUser(tokenHash: string, now: Date): Promise<string | null>;
}
