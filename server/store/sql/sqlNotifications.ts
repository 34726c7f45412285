import type { NotificationStore } from "../ports/NotificationStore.ts";
import type { Sql } from "./Sql.ts";

const todo = (): never => {
  throw new Error("not implemented yet (issue 16, branch notify-events)");
};

/** The inbox over either database. */
export function sqlNotifications(_db: Sql): NotificationStore {
  return {
    addNotifications: async () => todo(),
    listNotifications: async () => todo(),
    countUnread: async () => todo(),
    unreadByDocument: async () => todo(),
    markRead: async () => todo(),
  };
}
