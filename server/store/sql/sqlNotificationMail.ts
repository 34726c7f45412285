import type { NotificationMailStore } from "../ports/NotificationMailStore.ts";
import type { Sql } from "./Sql.ts";

const todo = (): never => {
  throw new Error("not implemented yet (issue 16, branch notify-mail)");
};

/** Notification mail batching, settings and unsubscribe tokens over either database. */
export function sqlNotificationMail(_db: Sql): NotificationMailStore {
  return {
    notificationSettings: async () => todo(),
    setNotificationSettings: async () => todo(),
    pendingMail: async () => todo(),
    unmailedNotifications: async () => todo(),
    lastMailAt: async () => todo(),
    recordMail: async () => todo(),
    addUnsubscribeToken: async () => todo(),
    unsubscribeTokenUser: async () => todo(),
  };
}
