import type { NewNotification } from "../../server/store/ports/NotificationStore.ts";

/**
 * A notification to record through the store, as server/notifications records them (the
 * tests of the inbox and its UI do not depend on who decides to notify whom).
 */
export function notificationFor(
  userId: string,
  documentId: string,
  kind: NewNotification["kind"],
  more: Partial<Pick<NewNotification, "actorId" | "detail" | "groupKey">> = {},
): NewNotification {
  return { userId, documentId, kind, actorId: "u-andrea", detail: {}, groupKey: null, ...more };
}
