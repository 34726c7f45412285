import { type MarkRead, NotificationList, NotificationSettings } from "../../../shared/api/notifications.ts";
import { request, requestNoContent } from "./client.ts";

/** The signed-in user's inbox: newest first, with the unread count. */
export const fetchNotifications = (): Promise<NotificationList> => request("GET", "/notifications", NotificationList);

/** Marks entries read (some, a document's, or all); answers the inbox as it is then. */
export const markNotificationsRead = (which: MarkRead): Promise<NotificationList> =>
  request("POST", "/notifications/read", NotificationList, which);

/** Whether and which notifications also come by e-mail. */
export const fetchNotificationSettings = (): Promise<NotificationSettings> =>
  request("GET", "/notifications/settings", NotificationSettings);

/** Saves the e-mail settings (whatever the answer's body, the page keeps what it sent). */
export const saveNotificationSettings = (settings: NotificationSettings): Promise<void> =>
  requestNoContent("PUT", "/notifications/settings", settings);
