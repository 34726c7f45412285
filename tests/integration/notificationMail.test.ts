import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "../../server/accounts/tokens.ts";
import { parseConfig } from "../../server/config.ts";
import type { MailMessage } from "../../server/mail/Mailer.ts";
import { MailDigest } from "../../server/notifications/MailDigest.ts";
import { startServer } from "../../server/startServer.ts";
import type { NewNotification } from "../../server/store/ports/NotificationStore.ts";
import type { Store } from "../../server/store/Store.ts";
import type { NotificationKind, NotificationSettings } from "../../shared/api/notifications.ts";
import { apiClient } from "../helpers/api.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { recordingLogger } from "../helpers/recordingLogger.ts";
import { login, tempDataDir, testEnv } from "../helpers/server.ts";
import { type Delivered, startSmtpServer } from "../helpers/smtpServer.ts";

const KONZEPT = "kip3-konzept-so";
const VEREINBARUNG = "kip3-vereinbarung-so";
const LUKAS = { id: "u-lukas", email: "lukas.frei@so.ch" };
const CLAIRE = { id: "u-claire", email: "claire.dubois@sem.admin.ch" };
const MARCO = { id: "u-marco", email: "marco.rossi@sem.admin.ch" };
const ANDREA = { id: "u-andrea", email: "andrea.meier@so.ch" };
/** The instance administrator: no member of the demo documents. */
const SANDRA = { id: "u-admin", email: "sandra.keller@sem.admin.ch" };
const WINDOW_MS = 3000;
const TOKEN = /https:\/\/accord\.example\.ch\/api\/notifications\/unsubscribe\?token=([A-Za-z0-9_-]{43})/;

/** Polls until `check` holds; fails naming `what` after `ms` (a bound on waiting, not a timing assertion). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A notification as the notification engine would record it (by Andrea unless told). */
const entry = (
  userId: string,
  documentId: string,
  kind: NotificationKind,
  detail: NewNotification["detail"],
  change: Partial<NewNotification> = {},
): NewNotification => ({ userId, documentId, kind, actorId: ANDREA.id, detail, groupKey: null, ...change });

/** Records notifications and wakes the mail for each, as the notification engine would. */
async function record(
  server: { store: Store; mailDigest: Pick<MailDigest, "wake"> },
  ...entries: NewNotification[]
): Promise<void> {
  await server.store.addNotifications(entries, new Date());
  for (const { userId, documentId } of entries) server.mailDigest.wake(userId, documentId);
}

/** One notification, woken. */
const notify = (
  server: { store: Store; mailDigest: Pick<MailDigest, "wake"> },
  userId: string,
  documentId: string,
  kind: NotificationKind = "mentioned",
  excerpt = "Bitte prüfen",
) => record(server, entry(userId, documentId, kind, { threadId: "t1", excerpt }));

const env = (extra: Record<string, string>) =>
  testEnv(tempDataDir(), {
    PUBLIC_URL: "https://accord.example.ch",
    NOTIFY_MAIL_WINDOW_MS: String(WINDOW_MS),
    NOTIFY_MAIL_DELAY_MS: "300",
    ...extra,
  });

describe("notification mail through a real SMTP server", async () => {
  const smtp = await startSmtpServer();
  const log = recordingLogger();
  const server = await startServer(parseConfig(env({ SMTP_URL: smtp.url })), log);
  cleanup(() => server.close());
  const call = apiClient(server.url);
  const mailsTo = (email: string): Delivered[] => smtp.received.filter((m) => m.to === email);
  const settingsOf = (userId: string) => server.store.notificationSettings(userId);
  const unmailed = (userId: string, documentId: string) => server.store.unmailedNotifications(userId, documentId);

  it("sends ten notifications of a minute as one mail listing all ten, and the next only after the window", async () => {
    for (let i = 1; i <= 10; i++) await notify(server, LUKAS.id, KONZEPT, "reply", `Antwort ${i}`);
    await until(() => mailsTo(LUKAS.email).length > 0, "Lukas's mail");
    const [mail] = mailsTo(LUKAS.email);
    const konzept = await server.store.findDocument(KONZEPT);
    expect(mail?.subject).toBe(`Accord: 10 Neuigkeiten in «${konzept?.title}»`);
    for (let i = 1; i <= 10; i++) expect(mail?.text).toContain(`«Antwort ${i}»`);
    expect(mail?.text.match(/Andrea Meier hat geantwortet/g)).toHaveLength(10);
    expect(mail?.text).toContain(`https://accord.example.ch/#/documents/${KONZEPT}`);
    expect(await unmailed(LUKAS.id, KONZEPT)).toEqual([]);
    // RFC 8058 one-click unsubscribe, pointing at the same link as the footer.
    const link = TOKEN.exec(mail?.text ?? "")?.[0];
    expect(mail?.headers["list-unsubscribe"]).toBe(`<${link}>`);
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    const first = await server.store.lastMailAt(LUKAS.id, KONZEPT);
    await notify(server, LUKAS.id, KONZEPT, "mentioned", "Noch etwas");
    await server.mailDigest.settled();
    if (Date.now() - Date.parse(first ?? "") < WINDOW_MS) {
      expect(mailsTo(LUKAS.email)).toHaveLength(1);
      expect(await unmailed(LUKAS.id, KONZEPT)).toHaveLength(1);
    }
    await until(() => mailsTo(LUKAS.email).length === 2, "Lukas's second mail");
    const second = await server.store.lastMailAt(LUKAS.id, KONZEPT);
    expect(Date.parse(second ?? "") - Date.parse(first ?? "")).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(mailsTo(LUKAS.email)[1]?.subject).toMatch(/^Accord: 1 Neuigkeit in «/);
    expect(mailsTo(LUKAS.email)[1]?.text).toContain("Andrea Meier hat Sie erwähnt");
  });

  it("sends one mail per document, each naming its document", async () => {
    await notify(server, CLAIRE.id, KONZEPT);
    await notify(server, CLAIRE.id, VEREINBARUNG);
    await until(() => mailsTo(CLAIRE.email).length === 2, "Claire's two mails");
    const titles = await Promise.all([KONZEPT, VEREINBARUNG].map((id) => server.store.findDocument(id)));
    expect(
      mailsTo(CLAIRE.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(titles.map((d) => expect.stringContaining(d?.title ?? "?")).sort());
  });

  it("mails nothing to someone who switched mail off, and marks their notifications handled", async () => {
    const marco = await login(server.url, MARCO.email);
    const off: NotificationSettings = { email: false, mutedKinds: [] };
    expect((await call("PUT", "/api/notifications/settings", { cookie: marco, json: off })).body).toEqual(off);
    await notify(server, MARCO.id, KONZEPT);
    await until(async () => (await unmailed(MARCO.id, KONZEPT)).length === 0, "Marco's notification handled");
    await server.mailDigest.settled();
    expect(mailsTo(MARCO.email)).toEqual([]);
    expect(await server.store.lastMailAt(MARCO.id, KONZEPT)).toBeNull();
    // The inbox keeps it.
    expect(await server.store.countUnread(MARCO.id)).toBe(1);
  });

  it("leaves a muted kind out of the mail", async () => {
    const andrea = await login(server.url, ANDREA.email);
    const put = await call("PUT", "/api/notifications/settings", {
      cookie: andrea,
      json: { email: true, mutedKinds: ["suggestions"] },
    });
    expect(put.status).toBe(200);
    expect((await call("GET", "/api/notifications/settings", { cookie: andrea })).body).toEqual({
      email: true,
      mutedKinds: ["suggestions"],
    });
    await record(
      server,
      entry(ANDREA.id, VEREINBARUNG, "suggestions", { orgId: "sem" }, { actorId: CLAIRE.id, groupKey: "s" }),
      entry(ANDREA.id, VEREINBARUNG, "mentioned", { excerpt: "Sehen Sie?" }, { actorId: CLAIRE.id }),
    );
    await until(() => mailsTo(ANDREA.email).length === 1, "Andrea's mail");
    const text = mailsTo(ANDREA.email)[0]?.text ?? "";
    expect(text).toContain("Claire Dubois hat Sie erwähnt");
    expect(text).not.toContain("Vorschl");
    expect(await unmailed(ANDREA.id, VEREINBARUNG)).toEqual([]);
  });

  it("mails nobody about a document they are no member of", async () => {
    await notify(server, SANDRA.id, KONZEPT);
    await until(async () => (await unmailed(SANDRA.id, KONZEPT)).length === 0, "Sandra's notification handled");
    await server.mailDigest.settled();
    expect(mailsTo(SANDRA.email)).toEqual([]);
  });

  it("of two instances that both read the pair as due, only the one that claims it first sends", async () => {
    const before = smtp.received.length;
    await server.store.addNotifications([entry(LUKAS.id, VEREINBARUNG, "reply", {})], new Date());
    // The second instance read the pair before the first mailed it, and claims only after that mail left.
    const stale = await unmailed(LUKAS.id, VEREINBARUNG);
    const lagging = new Proxy(server.store, {
      get(store, name: keyof Store) {
        if (name === "unmailedNotifications") return async () => stale;
        if (name === "lastMailAt") return async () => null;
        if (name === "recordMail") {
          return async (...args: Parameters<Store["recordMail"]>) => {
            await until(() => smtp.received.length > before, "the first instance's mail");
            return store.recordMail(...args);
          };
        }
        const value = store[name];
        return typeof value === "function" ? value.bind(store) : value;
      },
    });
    const other: MailMessage[] = [];
    const second = new MailDigest({
      store: lagging,
      mail: { deliver: async (m) => void other.push(m) },
      config: { ...parseConfig(env({})), notifyMail: { windowMs: WINDOW_MS, delayMs: 0, sweepMs: 60_000 } },
      log,
    });
    cleanup(() => second.close());
    second.wake(LUKAS.id, VEREINBARUNG);
    server.mailDigest.wake(LUKAS.id, VEREINBARUNG);
    await until(() => smtp.received.length > before, "the mail sent");
    await Promise.all([server.mailDigest.settled(), second.settled()]);
    expect(smtp.received.length - before).toBe(1);
    expect(other).toEqual([]);
  });

  it("unsubscribes without a session, for the link's own recipient only, and only on the POST", async () => {
    const token = TOKEN.exec(mailsTo(CLAIRE.email)[0]?.text ?? "")?.[1] ?? "";
    expect(token).toHaveLength(43);
    const page = await fetch(`${server.url}/api/notifications/unsubscribe?token=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const language = (await server.store.findUserById(CLAIRE.id))?.language;
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain('<form method="post" action="/api/notifications/unsubscribe">');
    // Opening the link (as a mail filter's link scanner does) changes nothing.
    expect((await settingsOf(CLAIRE.id)).email).toBe(true);

    const done = await fetch(`${server.url}/api/notifications/unsubscribe`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }),
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('role="status"');
    expect(await settingsOf(CLAIRE.id)).toEqual({ email: false, mutedKinds: [] });
    // Andrea's settings are untouched.
    expect(await settingsOf(ANDREA.id)).toEqual({ email: true, mutedKinds: ["suggestions"] });
    expect((await settingsOf(LUKAS.id)).email).toBe(true);
  });

  it("takes the RFC 8058 one-click POST of a mail client, with no session and no Origin", async () => {
    const token = TOKEN.exec(mailsTo(LUKAS.email)[0]?.text ?? "")?.[1] ?? "";
    const res = await fetch(`${server.url}/api/notifications/unsubscribe?token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect((await settingsOf(LUKAS.id)).email).toBe(false);
    expect((await settingsOf(ANDREA.id)).email).toBe(true);
  });

  it("refuses an altered, a made-up, an expired and a malformed token, changing nothing", async () => {
    const token = TOKEN.exec(mailsTo(ANDREA.email)[0]?.text ?? "")?.[1] ?? "";
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const expired = newToken();
    await server.store.addUnsubscribeToken(expired.hash, ANDREA.id, new Date(Date.now() - 1000));
    const before = await settingsOf(ANDREA.id);
    for (const [bad, status] of [
      [altered, 404],
      [newToken().token, 404],
      [expired.token, 404],
      ["not-a-token", 400],
      [`${token}x`, 400],
    ] as const) {
      const get = await fetch(`${server.url}/api/notifications/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect(get.status).toBe(status);
      const post = await fetch(`${server.url}/api/notifications/unsubscribe`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "it-CH,it;q=0.9" },
        body: new URLSearchParams({ token: bad }),
      });
      expect(post.status).toBe(status);
      expect(await post.text()).toContain("Nulla è stato modificato.");
    }
    expect(await settingsOf(ANDREA.id)).toEqual(before);
    expect(hashToken(token)).not.toBe(hashToken(altered));
    // The real one still works afterwards.
    const ok = await fetch(`${server.url}/api/notifications/unsubscribe?token=${token}`, { method: "POST" });
    expect(ok.status).toBe(200);
    expect((await settingsOf(ANDREA.id)).email).toBe(false);
  });

  it("refuses settings without a session, from a foreign page, or naming anything but one's own settings", async () => {
    const marco = await login(server.url, MARCO.email);
    const before = await settingsOf(CLAIRE.id);
    const mine = await settingsOf(MARCO.id);
    const on = { email: true, mutedKinds: [] };
    expect((await call("GET", "/api/notifications/settings")).status).toBe(401);
    expect((await call("PUT", "/api/notifications/settings", { json: on })).status).toBe(401);
    for (const json of [
      { ...on, userId: CLAIRE.id },
      { email: true, mutedKinds: ["everything"] },
      { email: "yes", mutedKinds: [] },
      { email: true },
    ]) {
      expect((await call("PUT", "/api/notifications/settings", { cookie: marco, json })).status).toBe(400);
    }
    const foreign = await fetch(`${server.url}/api/notifications/settings`, {
      method: "PUT",
      headers: { cookie: marco, "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify(on),
    });
    expect(foreign.status).toBe(403);
    expect(await settingsOf(CLAIRE.id)).toEqual(before);
    expect(await settingsOf(MARCO.id)).toEqual(mine);
  });

  it("keeps unsubscribe tokens out of every log line", () => {
    const all = log.lines.join("\n");
    const tokens = smtp.received.flatMap((m) => [...m.text.matchAll(new RegExp(TOKEN, "g"))].map((t) => t[1] ?? ""));
    expect(tokens.length).toBeGreaterThan(3);
    for (const token of tokens) expect(all).not.toContain(token);
  });
});

describe("notification mail without SMTP", async () => {
  const server = await startServer(parseConfig(env({ NOTIFY_MAIL_SWEEP_MS: "200" })), recordingLogger());
  cleanup(() => server.close());

  it("lands in the local outbox, found by the sweep when nobody woke it (as after a restart)", async () => {
    // Recorded without waking the mail, as if the server had stopped before its timer fired.
    await server.store.addNotifications([entry(LUKAS.id, KONZEPT, "mentioned", { excerpt: "Hallo" })], new Date());
    const outbox = async () => (await server.store.listMail(null, 50)).filter((m) => m.kind === "notification");
    await until(async () => (await outbox()).length > 0, "the outbox mail");
    const [mail] = await outbox();
    expect(mail).toMatchObject({ recipient: LUKAS.email, userId: LUKAS.id, orgId: "kanton-so" });
    expect(mail?.text).toContain("Andrea Meier hat Sie erwähnt");
    expect(mail?.text).toMatch(TOKEN);
  });
});
