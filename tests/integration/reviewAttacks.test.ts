import { describe, expect, it } from "vitest";
import { apiClient } from "../helpers/api.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";

/**
 * Holes found in the attack review of issue 13, each shown here first (these tests failed
 * on main before their fix) and then closed. Both stores.
 */

const ADMIN = "sandra.keller@sem.admin.ch";
const PASSWORD = "Zytglogge-Bern-1530";

interface Created {
  id: string;
  url: string | null;
}

const tokenOf = (url: string | null): string => url?.split("/#/invitation/")[1] ?? "";

function describeAttacks(
  describeIt: (name: string, factory: () => void | Promise<void>) => void,
  storeName: string,
  env: () => Promise<Record<string, string>>,
) {
  describeIt(`attack review (${storeName})`, async () => {
    const server = await startTestServer(await env());
    const call = apiClient(server.url);
    const admin = await login(server.url, ADMIN);
    await addPeople(server.store, PEOPLE.bernAdmin);
    const bernAdmin = await login(server.url, PEOPLE.bernAdmin.email);

    it.each([
      ["switched to single sign-on only", { passwordSignIn: false }, { passwordSignIn: true }],
      ["deactivated", { active: false }, { active: true }],
    ])(
      "refuses an invitation sent before its organisation was %s: no password account, no session",
      async (_, change, undo) => {
        const email = `late-${Object.keys(change)[0]}@be.ch`;
        const created = await call<Created>("POST", "/api/invitations", {
          cookie: admin,
          json: { email, orgId: "kanton-be" },
        });
        expect(created.status).toBe(201);
        const token = tokenOf(created.body.url);
        expect(
          (await call("PATCH", "/api/admin/organisations/kanton-be", { cookie: admin, json: change })).status,
        ).toBe(200);
        try {
          expect((await call("GET", `/api/invitations/${token}`)).status).toBe(404);
          const accepted = await call("POST", `/api/invitations/${token}/accept`, {
            json: { name: "Late Comer", password: PASSWORD },
          });
          expect(accepted.status).toBe(404);
          expect(accepted.headers.get("set-cookie")).toBeNull();
          expect(await server.store.findUserByEmail(email)).toBeNull();
        } finally {
          await call("PATCH", "/api/admin/organisations/kanton-be", { cookie: admin, json: undo });
        }
      },
    );

    it.each([
      ["an organisation administrator", () => bernAdmin],
      ["an instance administrator", () => admin],
    ])(
      "lets %s invite no address of another organisation's domain (no squatting a SEM address in Bern)",
      async (_, who) => {
        // Single sign-on matches accounts by e-mail: the SEM person signing in later would land in
        // this Bern account, whose password the inviter (who holds the link without SMTP) chose.
        const email = `neu.${Object.keys(PEOPLE).length}@sem.admin.ch`;
        const refused = await call("POST", "/api/invitations", { cookie: who(), json: { email, orgId: "kanton-be" } });
        expect(refused.status).toBe(400);
        expect(await server.store.listOpenInvitations(["kanton-be"], new Date())).not.toContainEqual(
          expect.objectContaining({ email }),
        );
        // Addresses of no organisation's domain, and of the organisation's own, are invited as before.
        for (const own of ["extern@example.org", "neu@be.ch"]) {
          const invited = await call("POST", "/api/invitations", {
            cookie: who(),
            json: { email: own, orgId: "kanton-be" },
          });
          expect(invited.status).toBe(201);
          const { id } = invited.body as Created;
          expect((await call("DELETE", `/api/invitations/${id}`, { cookie: who() })).status).toBe(204);
        }
      },
    );
  });
}

describeAttacks(describe, "SQLite", async () => ({}));
describeAttacks(await describeNeeding("postgres"), "PostgreSQL", async () => ({
  DATABASE_URL: (await freshSchema("accord_attack")).url,
}));
