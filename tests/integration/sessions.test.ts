import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deactivateAccount } from "../../server/accounts/deactivate.ts";
import { updateMessage } from "../../server/sync/messages.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { describeNeeding, freshRedisPrefix, freshSchema } from "../helpers/needsServices.ts";
import { rawSocket } from "../helpers/rawSocket.ts";
import { DEMO_PASSWORD, login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { TEST_REDIS_URL } from "../helpers/services.ts";
import { within } from "../helpers/within.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const AGREEMENT = "kip3-vereinbarung-so";
const ANDREA = "andrea.meier@so.ch";
const LUKAS = "lukas.frei@so.ch";
/** Long enough that no periodic check runs during a test: what closes a socket there is the event itself. */
const NO_CHECK = "600000";

/** A sync update frame that appends a paragraph with `text`, as a client of its own would send it. */
function paragraphFrame(text: string): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  return updateMessage(Y.encodeStateAsUpdate(doc));
}

const signOut = (url: string, cookie: string) =>
  fetch(`${url}/api/auth/logout`, { method: "POST", headers: { cookie } });
const me = async (url: string, cookie: string) => (await fetch(`${url}/api/me`, { headers: { cookie } })).status;

/** The document's text as the server serves it to a fresh client of Lukas (an editor of both documents). */
async function servedText(url: string, documentId: string): Promise<string> {
  const reader = connectClient(url, documentId, await login(url, LUKAS));
  await reader.synced;
  const text = textOf(reader.doc);
  reader.destroy();
  return text;
}

describe("signing out", async () => {
  const dataDir = tempDataDir();
  const server = await startTestServer({ SESSION_CHECK_MS: NO_CHECK }, dataDir);

  it("closes the session's socket with 4401 at once and stores nothing it sends after; the user's other session keeps editing", async () => {
    const first = await login(server.url, ANDREA);
    const second = await login(server.url, ANDREA);
    const raw = rawSocket(server.url, DOC, first);
    await raw.opened;
    const other = connectClient(server.url, DOC, second, { reconnect: false });
    await other.synced;
    raw.ws.send(paragraphFrame("Vor der Abmeldung"));
    await eventually(() => textOf(other.doc).includes("Vor der Abmeldung"), "the edit before sign-out to arrive");

    expect((await signOut(server.url, first)).status).toBe(204);
    // Sent the moment the sign-out is answered: it must not be stored.
    raw.ws.send(paragraphFrame("Nach der Abmeldung"));
    const started = Date.now();
    const closed = await within(raw.closed, 3000, "the socket of the ended session to close");
    expect(closed.code).toBe(CloseCode.Unauthorized);
    expect(Date.now() - started).toBeLessThan(1000);

    appendParagraph(other.doc, "Andere Sitzung");
    expect(await servedText(server.url, DOC)).toContain("Andere Sitzung");
    expect(other.provider.wsconnected).toBe(true);
    expect(await me(server.url, first)).toBe(401);
    expect(await me(server.url, second)).toBe(200);
    expect(await rawSocket(server.url, DOC, first).refused).toBe(401);
    other.destroy();

    // What was stored, read back after a restart from the same data directory.
    await server.close();
    const restarted = await startTestServer({ SESSION_CHECK_MS: NO_CHECK }, dataDir);
    const text = await servedText(restarted.url, DOC);
    expect(text).toContain("Vor der Abmeldung");
    expect(text).toContain("Andere Sitzung");
    expect(text).not.toContain("Nach der Abmeldung");
  });
});

describe("a session that expires", async () => {
  // 3.6 s sessions; the periodic check every 200 ms.
  const server = await startTestServer({ SESSION_HOURS: "0.001", SESSION_CHECK_MS: "200" });

  it("closes its sockets with 4401 within a second of the end, and its cookie no longer works", async () => {
    const cookie = await login(server.url, ANDREA);
    const opened = Date.now();
    const client = connectClient(server.url, DOC, cookie, { reconnect: false });
    await client.synced;
    const closed = await within(client.closed, 8000, "the expired session's socket to close");
    expect(closed.code).toBe(CloseCode.Unauthorized);
    const lived = Date.now() - opened;
    expect(lived).toBeGreaterThan(3000);
    expect(lived).toBeLessThan(3600 + 1000);
    expect(await me(server.url, cookie)).toBe(401);
  });
});

describe("an update sent after the session expired, before any check ran", async () => {
  const server = await startTestServer({ SESSION_HOURS: "0.001", SESSION_CHECK_MS: NO_CHECK });

  it("is refused with 4401 before it is stored", async () => {
    const raw = rawSocket(server.url, DOC, await login(server.url, ANDREA));
    await raw.opened;
    raw.ws.send(paragraphFrame("Vor dem Ablauf"));
    await eventually(() => server.rooms.connectionCount === 1, "the socket to join");
    await new Promise((r) => setTimeout(r, 3700));
    raw.ws.send(paragraphFrame("Nach dem Ablauf"));
    expect((await within(raw.closed, 3000, "the expired socket to close")).code).toBe(CloseCode.Unauthorized);
    const text = await servedText(server.url, DOC);
    expect(text).toContain("Vor dem Ablauf");
    expect(text).not.toContain("Nach dem Ablauf");
  });
});

describe("a session ended behind this instance's back", async () => {
  const server = await startTestServer({ SESSION_CHECK_MS: "200" });

  it("closes its socket with 4401 at the next periodic check against the store", async () => {
    const cookie = await login(server.url, ANDREA);
    const client = connectClient(server.url, DOC, cookie, { reconnect: false });
    await client.synced;
    // As an instance that could not tell this one (Redis away) would leave it: the row is gone.
    const token = cookie.slice(cookie.indexOf("=") + 1);
    await server.store.deleteSession(createHash("sha256").update(token).digest("base64url"));
    expect((await within(client.closed, 2000, "the socket to close")).code).toBe(CloseCode.Unauthorized);
  });
});

describe("deactivating an account", async () => {
  const server = await startTestServer({ SESSION_CHECK_MS: NO_CHECK });

  it("closes every socket of the account with 4401, stores nothing it sends after, and refuses sign-in", async () => {
    const onConcept = rawSocket(server.url, DOC, await login(server.url, ANDREA));
    const onAgreement = connectClient(server.url, AGREEMENT, await login(server.url, ANDREA), { reconnect: false });
    const lukas = connectClient(server.url, DOC, await login(server.url, LUKAS), { reconnect: false });
    await Promise.all([onConcept.opened, onAgreement.synced, lukas.synced]);
    const cookie = await login(server.url, ANDREA);

    expect(await deactivateAccount(server.store, server.sessions, "u-andrea")).toBe(true);
    onConcept.ws.send(paragraphFrame("Nach der Deaktivierung"));
    const closes = await within(
      Promise.all([onConcept.closed, onAgreement.closed]),
      3000,
      "the account's sockets to close",
    );
    expect(closes.map((c) => c.code)).toEqual([CloseCode.Unauthorized, CloseCode.Unauthorized]);
    expect(lukas.provider.wsconnected).toBe(true);

    expect(await me(server.url, cookie)).toBe(401);
    expect(await rawSocket(server.url, DOC, cookie).refused).toBe(401);
    const refused = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ANDREA, password: DEMO_PASSWORD }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe("account_deactivated");
    expect(refused.headers.get("set-cookie")).toBeNull();
    // A wrong password learns nothing about the account.
    const wrong = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ANDREA, password: "falsch-falsch" }),
    });
    expect(wrong.status).toBe(401);
    expect(await servedText(server.url, DOC)).not.toContain("Nach der Deaktivierung");
  });
});

const describeScaledOut = await describeNeeding("postgres", "redis");

describeScaledOut("ending a session with several instances (PostgreSQL and Redis)", async () => {
  const env = {
    DATABASE_URL: (await freshSchema("accord_se")).url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: freshRedisPrefix(),
    SESSION_CHECK_MS: NO_CHECK,
  };
  // One after the other: the first migrates and seeds.
  const a = await startTestServer(env);
  const b = await startTestServer(env);

  it("closes the session's socket on the other instance with 4401 when it signs out here", async () => {
    const cookie = await login(a.url, ANDREA);
    const onB = connectClient(b.url, DOC, cookie, { reconnect: false });
    await onB.synced;
    expect((await signOut(a.url, cookie)).status).toBe(204);
    expect((await within(onB.closed, 3000, "the socket on the other instance to close")).code).toBe(
      CloseCode.Unauthorized,
    );
  });

  it("closes the account's sockets on the other instance with 4401 when it is deactivated here", async () => {
    const onB = connectClient(b.url, DOC, await login(b.url, LUKAS), { reconnect: false });
    await onB.synced;
    expect(await deactivateAccount(a.store, a.sessions, "u-lukas")).toBe(true);
    expect((await within(onB.closed, 3000, "the socket on the other instance to close")).code).toBe(
      CloseCode.Unauthorized,
    );
  });
});
