import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken } from "../../server/accounts/tokens.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { apiClient } from "../helpers/api.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { DEMO_PASSWORD, login, startTestServer } from "../helpers/server.ts";
import { within } from "../helpers/within.ts";
import { connectClient } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const NEW_PASSWORD = "Weissenstein-Solothurn-1284";
/** Long enough that no periodic check runs during a test: what closes a socket is the event itself. */
const NO_CHECK = "600000";

function describePasswords(
  describeIt: (name: string, factory: () => void | Promise<void>) => void,
  storeName: string,
  env: () => Promise<Record<string, string>>,
) {
  describeIt(`passwords (${storeName})`, async () => {
    const server = await startTestServer({ SESSION_CHECK_MS: NO_CHECK, RESET_MAX_PER_EMAIL: "3", ...(await env()) });
    const call = apiClient(server.url);
    const status = async (cookie: string) => (await call("GET", "/api/me", { cookie })).status;
    const hashOf = async (id: string) => (await server.store.findUserById(id))?.passwordHash;
    const outboxTo = async (email: string) => {
      await server.mail.settled();
      return (await server.store.listMail(null, 200)).filter((m) => m.recipient === email);
    };

    describe("changing one's password", () => {
      it("keeps the session that changed it, ends every other one and closes its sockets", async () => {
        const here = await login(server.url, "lukas.frei@so.ch");
        const elsewhere = await login(server.url, "lukas.frei@so.ch");
        const socket = connectClient(server.url, DOC, elsewhere, { reconnect: false });
        await socket.synced;
        const changed = await call("POST", "/api/auth/password", {
          cookie: here,
          json: { current: DEMO_PASSWORD, next: NEW_PASSWORD },
        });
        expect(changed.status).toBe(204);
        expect((await within(socket.closed, 2000, "the other session's socket to close")).code).toBe(
          CloseCode.Unauthorized,
        );
        expect(await status(here)).toBe(200);
        expect(await status(elsewhere)).toBe(401);
        await expect(login(server.url, "lukas.frei@so.ch")).rejects.toThrow(/401/);
        expect((await login(server.url, "lukas.frei@so.ch", NEW_PASSWORD)).length).toBeGreaterThan(0);
        expect((await server.store.listAccountEvents("u-lukas", 20)).map((e) => e.action)).toContain(
          "password.changed",
        );
        expect((await outboxTo("lukas.frei@so.ch")).map((m) => m.kind)).toContain("password_changed");
      });

      it("refuses a wrong current password, a short, a common or the published demo password, changing nothing", async () => {
        const cookie = await login(server.url, "claire.dubois@sem.admin.ch");
        const before = await hashOf("u-claire");
        const wrong = await call<{ code: string }>("POST", "/api/auth/password", {
          cookie,
          json: { current: "falsch-falsch-falsch", next: NEW_PASSWORD },
        });
        expect([wrong.status, wrong.body.code]).toEqual([401, "invalid_credentials"]);
        for (const next of ["kurz", "qwertyuiop", "Password2026!", "accord-demo", "claire.dubois@sem.admin.ch"]) {
          const weak = await call<{ code: string }>("POST", "/api/auth/password", {
            cookie,
            json: { current: DEMO_PASSWORD, next },
          });
          expect([weak.status, weak.body.code]).toEqual([422, "weak_password"]);
        }
        expect(await hashOf("u-claire")).toBe(before);
        expect(await status(cookie)).toBe(200);
        expect(
          (await call("POST", "/api/auth/password", { json: { current: DEMO_PASSWORD, next: NEW_PASSWORD } })).status,
        ).toBe(401);
      });
    });

    describe("resetting a forgotten password", () => {
      it("answers 202 for an unknown address and sends nothing, stores no token", async () => {
        const res = await call("POST", "/api/auth/reset", { json: { email: "niemand@so.ch" } });
        expect([res.status, res.text]).toEqual([202, ""]);
        expect(await outboxTo("niemand@so.ch")).toEqual([]);
      });

      it("mails a single-use link that sets the password, ends every old session and signs in", async () => {
        const old = await login(server.url, "andrea.meier@so.ch");
        const socket = connectClient(server.url, DOC, old, { reconnect: false });
        await socket.synced;
        const res = await call("POST", "/api/auth/reset", { json: { email: "Andrea.Meier@so.ch" } });
        expect([res.status, res.text]).toEqual([202, ""]);
        const [mail] = await outboxTo("andrea.meier@so.ch");
        expect(mail?.subject).toBe("Accord: Passwort zurücksetzen");
        const token = /#\/reset\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1] ?? "";
        expect(token).not.toBe("");

        const weak = await call("POST", `/api/auth/reset/${token}`, { json: { password: "1234567890" } });
        expect(weak.status).toBe(422);
        const done = await call<{ user: { id: string } }>("POST", `/api/auth/reset/${token}`, {
          json: { password: NEW_PASSWORD },
        });
        expect(done.status).toBe(200);
        expect(done.body.user.id).toBe("u-andrea");
        const fresh = done.headers.get("set-cookie")?.split(";")[0] ?? "";
        expect(await status(fresh)).toBe(200);
        expect(await status(old)).toBe(401);
        expect((await within(socket.closed, 2000, "the old session's socket to close")).code).toBe(
          CloseCode.Unauthorized,
        );
        const actions = (await server.store.listAccountEvents("u-andrea", 20)).map((e) => e.action);
        expect(actions).toEqual(expect.arrayContaining(["password.reset_requested", "password.reset", "auth.login"]));

        const hash = await hashOf("u-andrea");
        const reused = await call("POST", `/api/auth/reset/${token}`, {
          json: { password: "Ein-anderes-Passwort-99" },
        });
        expect(reused.status).toBe(404);
        expect(await hashOf("u-andrea")).toBe(hash);
      });

      it("refuses an expired, a forged and a garbled link alike, changing nothing", async () => {
        const expired = randomBytes(32).toString("base64url");
        await server.store.createPasswordReset(
          hashToken(expired),
          "u-marco",
          new Date(Date.now() - 2 * 3600_000),
          new Date(Date.now() - 3600_000),
        );
        const before = await hashOf("u-marco");
        const texts = new Set<string>();
        for (const token of [expired, randomBytes(32).toString("base64url"), "garbled", "x".repeat(2000)]) {
          const res = await call("POST", `/api/auth/reset/${token}`, { json: { password: NEW_PASSWORD } });
          expect(res.status).toBe(404);
          texts.add(res.text);
        }
        expect(texts.size).toBe(1);
        expect(await hashOf("u-marco")).toBe(before);
      });

      it("sends no link where the organisation signs in through single sign-on only, and refuses links sent before", async () => {
        await server.store.createUser({
          id: "u-sso",
          email: "sso@be.ch",
          name: "Sso",
          orgId: "kanton-be",
          passwordHash: "x",
        });
        const earlier = randomBytes(32).toString("base64url");
        await server.store.createPasswordReset(
          hashToken(earlier),
          "u-sso",
          new Date(),
          new Date(Date.now() + 3600_000),
        );
        await server.store.updateOrganisation("kanton-be", { passwordSignIn: false });
        try {
          expect((await call("POST", "/api/auth/reset", { json: { email: "sso@be.ch" } })).status).toBe(202);
          expect(await outboxTo("sso@be.ch")).toEqual([]);
          const refused = await call("POST", `/api/auth/reset/${earlier}`, { json: { password: NEW_PASSWORD } });
          expect(refused.status).toBe(404);
          expect(await hashOf("u-sso")).toBe("x");
        } finally {
          await server.store.updateOrganisation("kanton-be", { passwordSignIn: true });
        }
      });

      it("writes the link in the language the account chose (PATCH /api/me), and refuses an unknown language", async () => {
        const cookie = await login(server.url, "marco.rossi@sem.admin.ch");
        expect((await call("PATCH", "/api/me", { cookie, json: { language: "xx" } })).status).toBe(400);
        const set = await call<{ language: string }>("PATCH", "/api/me", { cookie, json: { language: "it" } });
        expect(set.body.language).toBe("it");
        expect((await call("POST", "/api/auth/reset", { json: { email: "marco.rossi@sem.admin.ch" } })).status).toBe(
          202,
        );
        const [mail] = await outboxTo("marco.rossi@sem.admin.ch");
        expect(mail?.subject).toBe("Accord: reimpostare la password");
        await call("PATCH", "/api/me", { cookie, json: { language: "de" } });
      });

      it("sends no link to a deactivated account", async () => {
        await server.store.createUser({
          id: "u-gone",
          email: "gone@so.ch",
          name: "Gone",
          orgId: "kanton-so",
          passwordHash: "x",
        });
        await server.store.deactivateUser("u-gone", new Date());
        expect((await call("POST", "/api/auth/reset", { json: { email: "gone@so.ch" } })).status).toBe(202);
        expect(await outboxTo("gone@so.ch")).toEqual([]);
      });

      it("throttles requests per e-mail address, known or not, with the same 429", async () => {
        for (const email of ["claire.dubois@sem.admin.ch", "unbekannt@sem.admin.ch"]) {
          const statuses = [];
          for (let i = 0; i < 4; i++)
            statuses.push((await call("POST", "/api/auth/reset", { json: { email } })).status);
          expect(statuses).toEqual([202, 202, 202, 429]);
        }
        expect(await outboxTo("claire.dubois@sem.admin.ch")).toHaveLength(3);
      });
    });
  });
}

describePasswords(describe, "SQLite", async () => ({}));
describePasswords(await describeNeeding("postgres"), "PostgreSQL", async () => ({
  DATABASE_URL: (await freshSchema("accord_pw")).url,
}));
