import { type Context, Hono } from "hono";
import { z } from "zod";
import { NotificationSettings } from "../../../shared/api/notifications.ts";
import type { Config } from "../../config.ts";
import { tokenHolder, unsubscribe } from "../../notifications/unsubscribe.ts";
import { confirmPage, donePage, invalidPage, pageLanguage } from "../../notifications/unsubscribePage.ts";
import type { AccountStore } from "../../store/ports/AccountStore.ts";
import type { NotificationMailStore } from "../../store/ports/NotificationMailStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { readBody } from "../body.ts";
import { rateLimit } from "../rateLimit.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** A link token as issued (tokens.ts): anything else is refused before the store is asked. */
const UnsubscribeToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** Unsubscribe pages per client address and minute: tokens cannot be guessed, but lookups cost. */
const UNSUBSCRIBE_LIMIT = { max: 30, windowMs: 60_000 };

/** The token from the query (the link, RFC 8058's one-click POST) or the confirmation form's body. */
async function tokenOf(c: Context): Promise<string | null> {
  let form: Record<string, unknown> = {};
  if (c.req.method === "POST" && /form/.test(c.req.header("content-type") ?? "")) {
    form = await c.req.parseBody().catch(() => ({}));
  }
  const parsed = UnsubscribeToken.safeParse({ token: c.req.query("token") ?? form.token });
  return parsed.success ? parsed.data.token : null;
}

const html = (c: Context, body: string, status: 200 | 400 | 404) => {
  // The page holds the token (in its form): kept out of caches.
  c.header("Cache-Control", "no-store");
  return c.html(body, status);
};

/**
 * The signed-in user's notification settings, and the unsubscribe link of every
 * notification mail. The link needs no session: its token says whose mail to switch off,
 * and nothing else. It is exempt from the Origin check (app.ts) because mail clients POST
 * it from wherever they run (RFC 8058), and that is safe: no cookie is read, a foreign page
 * cannot know a token, and the worst a token can do is switch its own recipient's mail off.
 */
export function notificationSettingsRoutes(
  store: SessionStore & Pick<AccountStore, "findUserById"> & NotificationMailStore,
  config: Pick<Config, "trustedProxies">,
) {
  const limited = rateLimit(UNSUBSCRIBE_LIMIT, config.trustedProxies);
  return new Hono<{ Variables: SessionVariables }>()
    .get("/notifications/settings", requireSession(store), async (c) =>
      c.json<NotificationSettings>(await store.notificationSettings(c.get("user").id)),
    )
    .put("/notifications/settings", requireSession(store), async (c) => {
      const settings = await readBody(c, NotificationSettings);
      await store.setNotificationSettings(c.get("user").id, settings, new Date());
      return c.json<NotificationSettings>(await store.notificationSettings(c.get("user").id));
    })
    .get("/notifications/unsubscribe", limited, async (c) => {
      const token = await tokenOf(c);
      const user = token ? await tokenHolder(store, token, new Date()) : null;
      if (!token || !user) {
        return html(c, invalidPage(pageLanguage(c.req.header("accept-language"))), token ? 404 : 400);
      }
      return html(c, confirmPage(user.language, token), 200);
    })
    .post("/notifications/unsubscribe", limited, async (c) => {
      const token = await tokenOf(c);
      const user = token ? await unsubscribe(store, token, new Date()) : null;
      if (!token || !user) {
        return html(c, invalidPage(pageLanguage(c.req.header("accept-language"))), token ? 404 : 400);
      }
      return html(c, donePage(user.language), 200);
    });
}
