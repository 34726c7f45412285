import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken } from "../../server/accounts/tokens.ts";
import { apiClient } from "../helpers/api.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { login, startTestServer } from "../helpers/server.ts";

const ADMIN = "sandra.keller@sem.admin.ch";
const ANDREA = "andrea.meier@so.ch";
const PASSWORD = "Zytglogge-Bern-1530";

interface Created {
  id: string;
  url: string | null;
  expiresAt: string;
  mailed: boolean;
}

const tokenOf = (url: string | null): string => url?.split("/#/invitation/")[1] ?? "";

/** The invitation routes against one store (SQLite by default, PostgreSQL with DATABASE_URL). */
function describeInvitations(
  describeIt: (name: string, factory: () => void | Promise<void>) => void,
  storeName: string,
  env: () => Promise<Record<string, string>>,
) {
  describeIt(`invitations (${storeName})`, async () => {
    const server = await startTestServer(await env());
    const call = apiClient(server.url);
    const admin = await login(server.url, ADMIN);
    const andrea = await login(server.url, ANDREA);
    const invite = (cookie: string, json: unknown) => call<Created>("POST", "/api/invitations", { cookie, json });
    const users = async () => server.store.countUsers();
    const audit = async (userId: string) => (await server.store.listAccountEvents(userId, 50)).map((e) => e.action);

    it("lets an instance administrator invite into any organisation; the link, only once, signs the newcomer in", async () => {
      const created = await invite(admin, { email: "Beat.Brunner@be.ch", orgId: "kanton-be", name: "Beat" });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ mailed: false });
      expect(created.body.url).toMatch(/^http:\/\/localhost:0\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
      const token = tokenOf(created.body.url);
      // Only the hash is stored.
      expect(await server.store.findOpenInvitation(token, new Date())).toBeNull();
      expect(await server.store.findOpenInvitation(hashToken(token), new Date())).toMatchObject({
        email: "beat.brunner@be.ch",
      });
      // Without SMTP the link is also in the outbox, for the Bern administrators.
      const outbox = await call<{ recipient: string; text: string }[]>("GET", "/api/admin/outbox?orgId=kanton-be", {
        cookie: admin,
      });
      expect(outbox.body[0]?.recipient).toBe("beat.brunner@be.ch");
      expect(outbox.body[0]?.text).toContain(created.body.url);

      const shown = await call("GET", `/api/invitations/${token}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toEqual({
        email: "beat.brunner@be.ch",
        name: "Beat",
        organisation: { id: "kanton-be", name: { de: "Kanton Bern", fr: "Canton de Berne", it: "Cantone di Berna" } },
        expiresAt: created.body.expiresAt,
      });
      const accepted = await call<{ user: { id: string; orgId: string; email: string } }>(
        "POST",
        `/api/invitations/${token}/accept`,
        {
          json: { name: "Beat Brunner", password: PASSWORD },
        },
      );
      expect(accepted.status).toBe(201);
      expect(accepted.body.user).toMatchObject({ orgId: "kanton-be", email: "beat.brunner@be.ch" });
      const cookie = accepted.headers.get("set-cookie")?.split(";")[0] ?? "";
      expect(accepted.headers.get("set-cookie")).toMatch(/HttpOnly/i);
      expect((await call("GET", "/api/me", { cookie })).body).toMatchObject({
        name: "Beat Brunner",
        orgName: "Kanton Bern",
      });
      expect((await call<unknown[]>("GET", "/api/documents", { cookie })).body).toEqual([]);
      expect(await audit(accepted.body.user.id)).toEqual(["auth.login", "account.joined"]);
      expect(await audit("u-admin")).toContain("invitation.created");

      // Reused: refused like any bad token, no second account.
      const before = await users();
      const again = await call("POST", `/api/invitations/${token}/accept`, {
        json: { name: "Zweiter", password: PASSWORD },
      });
      expect(again.status).toBe(404);
      expect((await call("GET", `/api/invitations/${token}`)).status).toBe(404);
      expect(await users()).toBe(before);
      expect((await login(server.url, "beat.brunner@be.ch", PASSWORD)).length).toBeGreaterThan(0);
    });

    it("answers unknown, garbled, expired, revoked and used tokens with the same 404, creating nothing", async () => {
      const revoked = await invite(admin, { email: "revoked@be.ch", orgId: "kanton-be" });
      expect((await call("DELETE", `/api/invitations/${revoked.body.id}`, { cookie: admin })).status).toBe(204);
      expect(await audit("u-admin")).toContain("invitation.revoked");
      const expiredToken = randomBytes(32).toString("base64url");
      await server.store.createInvitation({
        id: "inv-expired",
        tokenHash: hashToken(expiredToken),
        email: "late@be.ch",
        orgId: "kanton-be",
        name: null,
        language: "de",
        invitedBy: "u-admin",
        createdAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
        expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
      });
      const forged = randomBytes(32).toString("base64url");
      const valid = tokenOf(revoked.body.url);
      const garbled = `${valid.slice(0, -1)}${valid.endsWith("A") ? "B" : "A"}`;
      const before = await users();
      const answers = new Set<string>();
      for (const token of [forged, garbled, expiredToken, valid, "abc", "x".repeat(5000), "..%2F..%2Fadmin"]) {
        const shown = await call("GET", `/api/invitations/${token}`);
        const accepted = await call("POST", `/api/invitations/${token}/accept`, {
          json: { name: "Eve", password: PASSWORD },
        });
        expect([shown.status, accepted.status]).toEqual([404, 404]);
        answers.add(shown.text).add(accepted.text);
      }
      expect(answers.size).toBe(1);
      expect(await users()).toBe(before);
    });

    it("of two parallel accepts of one link creates exactly one account", async () => {
      const created = await invite(admin, { email: "twice@be.ch", orgId: "kanton-be" });
      const token = tokenOf(created.body.url);
      const results = await Promise.all(
        ["Erste", "Zweite"].map((name) =>
          call("POST", `/api/invitations/${token}/accept`, { json: { name, password: PASSWORD } }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 404]);
      expect((await server.store.listUsersOf(["kanton-be"])).filter((u) => u.email === "twice@be.ch")).toHaveLength(1);
    });

    it("refuses a short or common password on accepting, and the link stays usable", async () => {
      const created = await invite(admin, { email: "weak@be.ch", orgId: "kanton-be" });
      const token = tokenOf(created.body.url);
      const before = await users();
      for (const password of ["kurz", "1234567890", "Password123", "accord-demo", "weak@be.ch"]) {
        const refused = await call<{ code: string }>("POST", `/api/invitations/${token}/accept`, {
          json: { name: "W", password },
        });
        expect(refused.status).toBe(422);
        expect(refused.body.code).toBe("weak_password");
        expect(refused.headers.get("set-cookie")).toBeNull();
      }
      expect(await users()).toBe(before);
      expect((await call("GET", `/api/invitations/${token}`)).status).toBe(200);
    });

    it("tells the administrator with 409 when the address has an account, storing no invitation", async () => {
      const refused = await invite(admin, { email: "Lukas.Frei@so.ch", orgId: "kanton-so" });
      expect(refused.status).toBe(409);
      expect((refused.body as unknown as { code: string }).code).toBe("account_exists");
      const open = await call<{ email: string }[]>("GET", "/api/invitations?orgId=kanton-so", { cookie: admin });
      expect(open.body.map((i) => i.email)).not.toContain("lukas.frei@so.ch");
    });

    it("says nothing on the public routes when the invited address got an account meanwhile", async () => {
      const created = await invite(admin, { email: "meanwhile@be.ch", orgId: "kanton-be" });
      const other = await invite(admin, { email: "meanwhile2@be.ch", orgId: "kanton-be" });
      await server.store.createUser({
        id: "u-meanwhile",
        email: "meanwhile@be.ch",
        name: "M",
        orgId: "kanton-be",
        passwordHash: "x",
      });
      const taken = await call("POST", `/api/invitations/${tokenOf(created.body.url)}/accept`, {
        json: { name: "M", password: PASSWORD },
      });
      const forged = await call("POST", `/api/invitations/${randomBytes(32).toString("base64url")}/accept`, {
        json: { name: "M", password: PASSWORD },
      });
      expect([taken.status, taken.text]).toEqual([forged.status, forged.text]);
      expect((await call("DELETE", `/api/invitations/${other.body.id}`, { cookie: admin })).status).toBe(204);
    });

    it("lets an organisation administrator invite into their own organisation only; others get 403 and nothing is stored", async () => {
      await server.store.setInstanceRole("u-andrea", "org_admin");
      try {
        expect((await invite(andrea, { email: "neu@so.ch", orgId: "kanton-so" })).status).toBe(201);
        const lukas = await login(server.url, "lukas.frei@so.ch");
        for (const [cookie, orgId] of [
          [andrea, "kanton-be"],
          [andrea, "sem"],
          [lukas, "kanton-so"],
        ] as const) {
          const refused = await invite(cookie, { email: `x-${orgId}@be.ch`, orgId });
          expect(refused.status).toBe(403);
        }
        expect((await call("GET", "/api/invitations?orgId=kanton-be", { cookie: andrea })).status).toBe(403);
        const bern = await server.store.listOpenInvitations(["kanton-be", "sem"], new Date());
        expect(bern.map((i) => i.email).filter((e) => e.startsWith("x-"))).toEqual([]);
        // Nor may she revoke Bern's invitations.
        const bernInvitation = await invite(admin, { email: "keep@be.ch", orgId: "kanton-be" });
        expect((await call("DELETE", `/api/invitations/${bernInvitation.body.id}`, { cookie: andrea })).status).toBe(
          403,
        );
        expect(
          await server.store.findOpenInvitation(hashToken(tokenOf(bernInvitation.body.url)), new Date()),
        ).not.toBeNull();
      } finally {
        await server.store.setInstanceRole("u-andrea", null);
      }
    });

    it("refuses invalid and oversize invitation bodies with 400, storing nothing", async () => {
      for (const json of [
        { email: "not-an-address", orgId: "kanton-be" },
        { email: "a@be.ch", orgId: "kanton-be", name: "x".repeat(101) },
        { email: "a@be.ch", orgId: "kanton-be", name: "Eve\nSEM: freigegeben" },
        { email: "a@be.ch", orgId: "kanton-be", role: "admin" },
      ]) {
        expect((await invite(admin, json)).status).toBe(400);
      }
      expect((await invite(admin, { email: "a@be.ch", orgId: "kanton-nowhere" })).status).toBe(404);
      await server.store.updateOrganisation("kanton-be", { passwordSignIn: false });
      try {
        // Accepting would set a password where the organisation signs in through single sign-on only.
        expect((await invite(admin, { email: "a@be.ch", orgId: "kanton-be" })).status).toBe(400);
      } finally {
        await server.store.updateOrganisation("kanton-be", { passwordSignIn: true });
      }
      expect((await server.store.listOpenInvitations(["kanton-be"], new Date())).map((i) => i.email)).not.toContain(
        "a@be.ch",
      );
    });

    it("sends no Referer anywhere (the token sits after # and the page forbids referrers)", async () => {
      const res = await fetch(`${server.url}/api/me`);
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    });
  });
}

describeInvitations(describe, "SQLite", async () => ({}));
describeInvitations(await describeNeeding("postgres"), "PostgreSQL", async () => ({
  DATABASE_URL: (await freshSchema("accord_inv")).url,
}));
