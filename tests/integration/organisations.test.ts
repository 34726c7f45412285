import { describe, expect, it } from "vitest";
import { AdminOrganisation, type ErrorBody, Organisation } from "../../shared/api/schemas.ts";
import { apiClient } from "../helpers/api.ts";
import { inProcessApp } from "../helpers/inProcessApp.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login } from "../helpers/server.ts";

/** A valid new organisation: a commune with its own domain. */
const OLTEN = {
  id: "stadt-olten",
  kind: "commune",
  name: { de: "Stadt Olten", fr: "Ville d'Olten", it: "Città di Olten" },
  shortName: "Olten",
  colour: "#2A7F62",
  domains: ["olten.ch"],
};

/** The organisation routes on one store: SQLite by default, PostgreSQL with DATABASE_URL. */
async function organisationSuite(env: Record<string, string>) {
  const app = await inProcessApp(env);
  await addPeople(app.store, PEOPLE.admin, PEOPLE.bernAdmin);
  const call = apiClient(app.request);
  const admin = await login(app.request, PEOPLE.admin.email);
  const bernAdmin = await login(app.request, PEOPLE.bernAdmin.email);
  const andrea = await login(app.request, "andrea.meier@so.ch");
  const orgAudit = async () =>
    (await app.store.listAccountEvents(PEOPLE.admin.id, 100)).filter((e) => e.action.startsWith("org."));
  /** Everything the store holds about organisations, to show a refusal changed nothing. */
  const snapshot = async () => JSON.stringify(await app.store.listOrganisations());

  it("lists the active organisations to any signed-in user, federal first, names in three languages", async () => {
    const res = await call<Organisation[]>("GET", "/api/organisations", { cookie: andrea });
    expect(res.status).toBe(200);
    const list = Organisation.array().parse(res.body);
    expect(list).toHaveLength(27);
    expect(list[0]).toEqual({
      id: "sem",
      kind: "federal",
      name: {
        de: "Staatssekretariat für Migration SEM",
        fr: "Secrétariat d'État aux migrations SEM",
        it: "Segreteria di Stato della migrazione SEM",
      },
      shortName: "SEM",
      colour: "#1f5fa8",
    });
    expect(list.find((o) => o.id === "kanton-be")).toMatchObject({ kind: "canton", shortName: "Kanton BE" });
    // Settings are for administrators: no domains or sign-in switches in the directory.
    expect(res.text).not.toContain("domains");
    expect((await call("GET", "/api/organisations")).status).toBe(401);
  });

  it("refuses every admin route to a user who administers nothing (403), changing nothing", async () => {
    const before = await snapshot();
    const attempts = [
      await call("GET", "/api/admin/organisations", { cookie: andrea }),
      await call("POST", "/api/admin/organisations", { cookie: andrea, json: OLTEN }),
      await call("PATCH", "/api/admin/organisations/kanton-so", { cookie: andrea, json: { shortName: "SO!" } }),
    ];
    expect(attempts.map((r) => [r.status, (r.body as ErrorBody).code])).toEqual(Array(3).fill([403, "forbidden"]));
    expect((await call("POST", "/api/admin/organisations", { json: OLTEN })).status).toBe(401);
    expect(await snapshot()).toBe(before);
  });

  it("refuses an organisation administrator creating organisations or changing any, their own included", async () => {
    const before = await snapshot();
    const created = await call("POST", "/api/admin/organisations", { cookie: bernAdmin, json: OLTEN });
    expect(created.status).toBe(403);
    for (const id of ["kanton-be", "kanton-so"]) {
      const renamed = await call("PATCH", `/api/admin/organisations/${id}`, {
        cookie: bernAdmin,
        json: { name: { de: "Republik Bern" }, domains: ["be.ch", "evil.example"] },
      });
      expect(renamed.status).toBe(403);
    }
    expect(await snapshot()).toBe(before);
    // They read their own organisation's settings, and only those.
    const own = await call<AdminOrganisation[]>("GET", "/api/admin/organisations", { cookie: bernAdmin });
    expect(own.status).toBe(200);
    expect(own.body.map((o) => o.id)).toEqual(["kanton-be"]);
  });

  it("lets an instance administrator create an organisation (201), audited as org.created", async () => {
    const res = await call<AdminOrganisation>("POST", "/api/admin/organisations", { cookie: admin, json: OLTEN });
    expect(res.status).toBe(201);
    expect(AdminOrganisation.parse(res.body)).toEqual({
      ...OLTEN,
      colour: "#2a7f62",
      active: true,
      ssoProvisioning: false,
      passwordSignIn: true,
    });
    expect((await app.store.organisationForDomain("olten.ch"))?.id).toBe("stadt-olten");
    const listed = await call<Organisation[]>("GET", "/api/organisations", { cookie: andrea });
    expect(listed.body.map((o) => o.id)).toContain("stadt-olten");
    expect((await orgAudit()).map((e) => [e.action, e.detail.orgId])).toContainEqual(["org.created", "stadt-olten"]);
  });

  it("answers 409 conflict to a taken id or a taken domain, storing nothing", async () => {
    const before = await snapshot();
    const sameId = await call("POST", "/api/admin/organisations", {
      cookie: admin,
      json: { ...OLTEN, id: "kanton-so", domains: [] },
    });
    const sameDomain = await call("POST", "/api/admin/organisations", {
      cookie: admin,
      json: { ...OLTEN, id: "stadt-solothurn", domains: ["so.ch"] },
    });
    const movedDomain = await call("PATCH", "/api/admin/organisations/kanton-be", {
      cookie: admin,
      json: { domains: ["be.ch", "sem.admin.ch"] },
    });
    expect([sameId, sameDomain, movedDomain].map((r) => [r.status, (r.body as ErrorBody).code])).toEqual(
      Array(3).fill([409, "conflict"]),
    );
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ["an id that is no slug", { ...OLTEN, id: "Stadt Olten" }],
    ["a name on two lines", { ...OLTEN, id: "x1", domains: [], name: { ...OLTEN.name, de: "Stadt\nOlten" } }],
    ["a name of 201 characters", { ...OLTEN, id: "x2", domains: [], name: { ...OLTEN.name, fr: "x".repeat(201) } }],
    ["a name missing a language", { ...OLTEN, id: "x3", domains: [], name: { de: "Olten", fr: "Olten" } }],
    ["a colour that is no #rrggbb", { ...OLTEN, id: "x4", domains: [], colour: "red;background:url(x)" }],
    ["an upper-case domain", { ...OLTEN, id: "x5", domains: ["Olten.CH"] }],
    ["a domain with a path", { ...OLTEN, id: "x6", domains: ["olten.ch/evil"] }],
    ["an unknown kind", { ...OLTEN, id: "x7", domains: [], kind: "empire" }],
    ["an unknown field", { ...OLTEN, id: "x8", domains: [], instanceRole: "admin" }],
  ])("refuses to create an organisation with %s (400), storing nothing", async (_, json) => {
    const before = await snapshot();
    const res = await call("POST", "/api/admin/organisations", { cookie: admin, json });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).code).toBe("bad_request");
    expect(await snapshot()).toBe(before);
  });

  it("lets an instance administrator rename, recolour, re-domain, switch and deactivate, audited as org.changed", async () => {
    const res = await call<AdminOrganisation>("PATCH", "/api/admin/organisations/stadt-olten", {
      cookie: admin,
      json: {
        name: { de: "Stadt Olten (Sozialregion)" },
        colour: "#114477",
        domains: ["olten.ch", "sozialregion-olten.ch"],
        kind: "other",
        ssoProvisioning: true,
        passwordSignIn: false,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: { de: "Stadt Olten (Sozialregion)", fr: "Ville d'Olten", it: "Città di Olten" },
      colour: "#114477",
      domains: ["olten.ch", "sozialregion-olten.ch"],
      kind: "other",
      ssoProvisioning: true,
      passwordSignIn: false,
      active: true,
    });
    const off = await call("PATCH", "/api/admin/organisations/stadt-olten", { cookie: admin, json: { active: false } });
    expect(off.status).toBe(200);
    // Inactive organisations leave the directory; administrators still see them.
    const listed = await call<Organisation[]>("GET", "/api/organisations", { cookie: andrea });
    expect(listed.body.map((o) => o.id)).not.toContain("stadt-olten");
    const all = await call<AdminOrganisation[]>("GET", "/api/admin/organisations", { cookie: admin });
    expect(all.body.find((o) => o.id === "stadt-olten")?.active).toBe(false);
    const changes = (await orgAudit()).filter((e) => e.action === "org.changed");
    expect(changes.map((e) => e.detail.change)).toEqual([
      { active: false },
      expect.objectContaining({ colour: "#114477", kind: "other" }),
    ]);
  });

  it("answers 404 for an unknown organisation and 400 to an empty change", async () => {
    const unknown = await call("PATCH", "/api/admin/organisations/kanton-xx", {
      cookie: admin,
      json: { active: false },
    });
    expect(unknown.status).toBe(404);
    const empty = await call("PATCH", "/api/admin/organisations/kanton-be", { cookie: admin, json: {} });
    expect(empty.status).toBe(400);
  });
}

const describeOnPostgres = await describeNeeding("postgres");

describeOnPostgres("organisations as data on PostgreSQL", async () => {
  const { url } = await freshSchema("accord_orgs");
  await organisationSuite({ DATABASE_URL: url });
});

describe("organisations as data on SQLite", async () => {
  await organisationSuite({});
});
