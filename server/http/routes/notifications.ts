import { Hono } from "hono";
import { MarkRead } from "../../../shared/api/notifications.ts";
import { type InboxReader, markInboxRead, readInbox } from "../../inbox/inbox.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { readBody } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** The signed-in user's inbox (issue 16): only ever their own entries. */
export function notificationRoutes(store: SessionStore & InboxReader) {
  return (
    new Hono<{ Variables: SessionVariables }>()
      // Scoped to these two paths, not /notifications/*: the one-click unsubscribe link under
      // the same prefix (notify-mail) is opened without a session.
      .use("/notifications", requireSession(store))
      .use("/notifications/read", requireSession(store))
      .get("/notifications", async (c) => c.json(await readInbox(store, c.get("user").id)))
      // Answers the inbox as it is afterwards, so the bell needs no second request.
      .post("/notifications/read", async (c) => {
        const which = await readBody(c, MarkRead);
        const userId = c.get("user").id;
        await markInboxRead(store, userId, which, new Date());
        return c.json(await readInbox(store, userId));
      })
  );
}
