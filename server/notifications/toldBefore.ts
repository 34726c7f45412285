import type { NotificationRow, NotificationStore } from "../store/ports/NotificationStore.ts";

/** How far back a user's inbox is read for what they were told already. */
export const LOOKBACK = 200;

/**
 * The newest entry of a user's recent inbox that `matches`, or null. The server's copy of a
 * comment keeps no earlier values (Yjs collects them), so what a user was told stands in for
 * what the comment was: an edit that repeats a mention tells nobody again.
 */
export async function lastTold(
  store: Pick<NotificationStore, "listNotifications">,
  userId: string,
  matches: (n: NotificationRow) => boolean,
): Promise<NotificationRow | null> {
  return (await store.listNotifications(userId, LOOKBACK)).find(matches) ?? null;
}
