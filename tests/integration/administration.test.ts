import { describe, expect, it } from "vitest";
import { hashPassword } from "../../server/accounts/passwords.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { apiClient } from "../helpers/api.ts";
import { describeNeeding, freshRedisPrefix, freshSchema } from "../helpers/needsServices.ts";
import { rawSocket } from "../helpers/rawSocket.ts";
import { DEMO_PASSWORD, login, startTestServer } from "../helpers/server.ts";
import { TEST_REDIS_URL } from "../helpers/services.ts";
import { within } from "../helpers/within.ts";
import { connectClient } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const ADMIN = "sandra.keller@sem.admin.ch";
/** Long enough that no periodic check runs during a test: what closes a socket is the event itself. */
const NO_CHECK = "600000";

function describeAdministration(
  describeIt: (name: string, factory: () => void | Promise<void>) => void,
  storeName: string,
  env: () => Promise<Record<string, string>>,
) {
  describeIt(`administration of people (${storeName})`, async () => {
    const server = await startTestServer({ SESSION_CHECK_MS: NO_CHECK, ...(await env()) });
    const call = apiClient(server.url);
    const admin = await login(server.url, ADMIN);
    // An organisation administrator of Bern, and a former administrator whose account is deactivated.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await server.store.createUser({
      id: "u-be-admin",
      email: "admin@be.ch",
      name: "Berner Admin",
      orgId: "kanton-be",
      passwordHash,
      instanceRole: "org_admin",
    });
    await server.store.createUser({
      id: "u-be-staff",
      email: "staff@be.ch",
      name: "Berner Staff",
      orgId: "kanton-be",
      passwordHash,
    });
    await server.store.createUser({
      id: "u-ex",
      email: "ex@sem.admin.ch",
      name: "Ex Admin",
      orgId: "sem",
      passwordHash,
      instanceRole: "admin",
    });
    const bernAdmin = await login(server.url, "admin@be.ch");
    const exAdmin = await login(server.url, "ex@sem.admin.ch");
    await server.store.deactivateUser("u-ex", new Date());
    const lukas = await login(server.url, "lukas.frei@so.ch");
    const open = await call<{ id: string }>("POST", "/api/invitations", {
      cookie: admin,
      json: { email: "open@so.ch", orgId: "kanton-so" },
    });

    /** Every administrators' route, each with a request that would change or reveal Solothurn's people. */
    const ROUTES: [string, string, unknown?][] = [
      ["POST", "/api/invitations", { email: "eve@so.ch", orgId: "kanton-so" }],
      ["GET", "/api/invitations?orgId=kanton-so"],
      ["DELETE", `/api/invitations/${open.body.id}`],
      ["GET", "/api/admin/users?orgId=kanton-so"],
      ["PATCH", "/api/admin/users/u-lukas", { active: false }],
      ["PATCH", "/api/admin/users/u-lukas", { instanceRole: "org_admin" }],
      ["GET", "/api/admin/outbox?orgId=kanton-so"],
    ];

    /** What those routes could change. */
    const state = async () => ({
      lukas: await server.store.findUserById("u-lukas"),
      invitations: (await server.store.listOpenInvitations(["kanton-so"], new Date())).map((i) => i.email),
    });

    it.each([
      ["nobody signed in", (): string | undefined => undefined, 401],
      ["a member of no administration", (): string | undefined => lukas, 403],
      ["Bern's administrator, for Solothurn", (): string | undefined => bernAdmin, 403],
      ["a deactivated instance administrator", (): string | undefined => exAdmin, 401],
    ] as const)("refuses every administrators' route to %s, changing nothing", async (_, cookie, expected) => {
      const before = await state();
      for (const [method, path, json] of ROUTES) {
        const res = await call(method, path, { cookie: cookie(), json });
        expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} ${expected}`);
        expect(res.text).not.toMatch(/lukas\.frei|scrypt/);
      }
      expect(await state()).toEqual(before);
    });

    it("shows an organisation's directory to its administrators: name, e-mail, active, last sign-in, role, no hash", async () => {
      const res = await call<Record<string, unknown>[]>("GET", "/api/admin/users?orgId=kanton-be", {
        cookie: bernAdmin,
      });
      expect(res.status).toBe(200);
      expect(res.body.map((u) => u.id)).toEqual(["u-be-admin", "u-be-staff"]);
      expect(res.body[0]).toEqual({
        id: "u-be-admin",
        name: "Berner Admin",
        email: "admin@be.ch",
        orgId: "kanton-be",
        active: true,
        lastSignInAt: expect.any(String),
        instanceRole: "org_admin",
        signingAuthority: false,
      });
      expect(res.text).not.toContain("scrypt");
      expect((await call("GET", "/api/admin/users?orgId=kanton-so", { cookie: admin })).status).toBe(200);
    });

    it("deactivates: the stock y-websocket client closes within 2 s and cannot come back, sign-in refused, work stays attributed; reactivation restores", async () => {
      const cookie = await login(server.url, "lukas.frei@so.ch");
      const client = connectClient(server.url, DOC, cookie, { reconnect: false });
      await client.synced;
      const res = await call("PATCH", "/api/admin/users/u-lukas", { cookie: admin, json: { active: false } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: "u-lukas", active: false });
      expect((await within(client.closed, 2000, "Lukas's socket to close")).code).toBe(CloseCode.Unauthorized);
      expect(await rawSocket(server.url, DOC, cookie).refused).toBe(401);
      expect((await call("GET", "/api/me", { cookie })).status).toBe(401);
      const refused = await call<{ code: string }>("POST", "/api/auth/login", {
        json: { email: "lukas.frei@so.ch", password: DEMO_PASSWORD },
      });
      expect([refused.status, refused.body.code]).toEqual([403, "account_deactivated"]);
      // Still a member, by name: what he wrote stays his.
      const andrea = await login(server.url, "andrea.meier@so.ch");
      const members = await call<{ userId: string; name: string }[]>("GET", `/api/documents/${DOC}/members`, {
        cookie: andrea,
      });
      expect(members.body.find((m) => m.userId === "u-lukas")?.name).toBe("Lukas Frei");

      const back = await call("PATCH", "/api/admin/users/u-lukas", { cookie: admin, json: { active: true } });
      expect(back.body).toMatchObject({ active: true });
      const again = connectClient(server.url, DOC, await login(server.url, "lukas.frei@so.ch"), { reconnect: false });
      await again.synced;
      again.destroy();
      const actions = (await server.store.listAccountEvents("u-lukas", 20)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["account.deactivated", "account.reactivated"]));
    });

    it("lets organisation administrators grant and revoke org_admin in their organisation, never admin", async () => {
      const grant = await call("PATCH", "/api/admin/users/u-be-staff", {
        cookie: bernAdmin,
        json: { instanceRole: "org_admin" },
      });
      expect(grant.body).toMatchObject({ instanceRole: "org_admin" });
      const revoke = await call("PATCH", "/api/admin/users/u-be-staff", {
        cookie: bernAdmin,
        json: { instanceRole: null },
      });
      expect(revoke.body).toMatchObject({ instanceRole: null });
      const promote = await call("PATCH", "/api/admin/users/u-be-staff", {
        cookie: bernAdmin,
        json: { instanceRole: "admin" },
      });
      expect(promote.status).toBe(403);
      expect((await server.store.findUserById("u-be-staff"))?.instanceRole).toBeNull();
      const actions = (await server.store.listAccountEvents("u-be-staff", 20)).map((e) => [e.action, e.detail]);
      expect(actions).toContainEqual(["account.role_changed", { from: null, to: "org_admin" }]);
    });

    it("refuses anyone changing their own access or role, and organisation administrators touching an instance administrator", async () => {
      await server.store.setInstanceRole("u-claire", "org_admin");
      const claire = await login(server.url, "claire.dubois@sem.admin.ch");
      try {
        for (const [cookie, id, json] of [
          [admin, "u-admin", { active: false }],
          [admin, "u-admin", { instanceRole: null }],
          [bernAdmin, "u-be-admin", { instanceRole: null }],
          [claire, "u-admin", { active: false }],
          [claire, "u-admin", { instanceRole: "org_admin" }],
          [claire, "u-marco", { instanceRole: "admin" }],
        ] as const) {
          expect((await call("PATCH", `/api/admin/users/${id}`, { cookie, json })).status).toBe(403);
        }
        expect(await server.store.findUserById("u-admin")).toMatchObject({
          instanceRole: "admin",
          deactivatedAt: null,
        });
        expect((await server.store.findUserById("u-marco"))?.instanceRole).toBeNull();
        expect(
          (await call("PATCH", "/api/admin/users/u-nobody", { cookie: admin, json: { active: false } })).status,
        ).toBe(404);
        expect((await call("PATCH", "/api/admin/users/u-marco", { cookie: admin, json: {} })).status).toBe(400);
      } finally {
        await server.store.setInstanceRole("u-claire", null);
      }
    });

    it("shows an organisation administrator the outbox of their organisation only, without mail to instance administrators", async () => {
      await call("POST", "/api/invitations", { cookie: admin, json: { email: "newcomer@be.ch", orgId: "kanton-be" } });
      await call("POST", "/api/auth/reset", { json: { email: "ex@sem.admin.ch" } });
      await server.store.reactivateUser("u-ex");
      await call("POST", "/api/auth/reset", { json: { email: "ex@sem.admin.ch" } });
      await server.mail.settled();
      const bern = await call<{ recipient: string; orgId: string }[]>("GET", "/api/admin/outbox", {
        cookie: bernAdmin,
      });
      expect(bern.body.map((m) => m.recipient)).toEqual(["newcomer@be.ch"]);
      await server.store.setInstanceRole("u-claire", "org_admin");
      try {
        const sem = await call<{ recipient: string }[]>("GET", "/api/admin/outbox", {
          cookie: await login(server.url, "claire.dubois@sem.admin.ch"),
        });
        expect(sem.body.map((m) => m.recipient)).not.toContain("ex@sem.admin.ch");
      } finally {
        await server.store.setInstanceRole("u-claire", null);
      }
      const all = await call<{ recipient: string }[]>("GET", "/api/admin/outbox", { cookie: admin });
      expect(all.body.map((m) => m.recipient)).toEqual(expect.arrayContaining(["newcomer@be.ch", "ex@sem.admin.ch"]));
    });
  });
}

describeAdministration(describe, "SQLite", async () => ({}));
describeAdministration(await describeNeeding("postgres"), "PostgreSQL", async () => ({
  DATABASE_URL: (await freshSchema("accord_adm")).url,
}));

const describeScaledOut = await describeNeeding("postgres", "redis");

describeScaledOut("deactivation with several instances (PostgreSQL and Redis)", async () => {
  const env = {
    DATABASE_URL: (await freshSchema("accord_adm2")).url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: freshRedisPrefix(),
    SESSION_CHECK_MS: NO_CHECK,
  };
  const a = await startTestServer(env);
  const b = await startTestServer(env);

  it("closes the socket on the other instance within 2 s when an administrator deactivates here, and reactivation works there", async () => {
    const onB = connectClient(b.url, DOC, await login(b.url, "lukas.frei@so.ch"), { reconnect: false });
    await onB.synced;
    const admin = await login(a.url, ADMIN);
    const res = await apiClient(a.url)("PATCH", "/api/admin/users/u-lukas", { cookie: admin, json: { active: false } });
    expect(res.status).toBe(200);
    expect((await within(onB.closed, 2000, "the socket on the other instance to close")).code).toBe(
      CloseCode.Unauthorized,
    );
    await apiClient(a.url)("PATCH", "/api/admin/users/u-lukas", { cookie: admin, json: { active: true } });
    const again = connectClient(b.url, DOC, await login(b.url, "lukas.frei@so.ch"), { reconnect: false });
    await again.synced;
    expect(again.provider.wsconnected).toBe(true);
  });
});
