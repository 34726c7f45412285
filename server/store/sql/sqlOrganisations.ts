import type {
  OrganisationConflict,
  OrganisationKind,
  OrganisationRow,
  OrganisationStore,
} from "../ports/OrganisationStore.ts";
import type { Sql } from "./Sql.ts";

interface OrgDbRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  name_fr: string;
  name_it: string;
  short_name: string;
  colour: string;
  /** SQLite answers 0/1, PostgreSQL a boolean. */
  active: number | boolean;
  sso_provisioning: number | boolean;
  password_sign_in: number | boolean;
}

const toOrganisation = (r: OrgDbRow, domains: string[]): OrganisationRow => ({
  id: r.id,
  kind: r.kind,
  name: { de: r.name, fr: r.name_fr, it: r.name_it },
  shortName: r.short_name,
  colour: r.colour,
  domains,
  active: Boolean(r.active),
  ssoProvisioning: Boolean(r.sso_provisioning),
  passwordSignIn: Boolean(r.password_sign_in),
});

const KIND_ORDER = "CASE kind WHEN 'federal' THEN 0 WHEN 'canton' THEN 1 WHEN 'commune' THEN 2 ELSE 3 END";

async function domainsOf(db: Sql, ids: readonly string[]): Promise<Map<string, string[]>> {
  const byOrg = new Map<string, string[]>();
  if (ids.length === 0) return byOrg;
  const where = db.inList("org_id", ids);
  for (const r of await db.all<{ org_id: string; domain: string }>(
    `SELECT org_id, domain FROM org_domains WHERE ${where.sql} ORDER BY domain`,
    [where.param],
  )) {
    byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r.domain]);
  }
  return byOrg;
}

async function find(db: Sql, id: string): Promise<OrganisationRow | null> {
  const r = await db.get<OrgDbRow>("SELECT * FROM orgs WHERE id = ?", [id]);
  return r ? toOrganisation(r, (await domainsOf(db, [id])).get(id) ?? []) : null;
}

/** A domain already held by another organisation than `ownId`, inside the writer's transaction. */
async function domainTaken(tx: Sql, domains: readonly string[], ownId: string): Promise<boolean> {
  if (domains.length === 0) return false;
  const where = tx.inList("domain", domains);
  const held = await tx.get<{ org_id: string }>(`SELECT org_id FROM org_domains WHERE ${where.sql} AND org_id <> ?`, [
    where.param,
    ownId,
  ]);
  return held !== undefined;
}

async function writeDomains(tx: Sql, id: string, domains: readonly string[]): Promise<void> {
  await tx.run("DELETE FROM org_domains WHERE org_id = ?", [id]);
  for (const domain of new Set(domains)) {
    await tx.run("INSERT INTO org_domains (domain, org_id) VALUES (?, ?)", [domain, id]);
  }
}

/**
 * Organisations over either database. Uniqueness is checked inside the writing transaction
 * so that the caller gets a reason; two admins creating the same id at the same instant
 * still meet the primary key, which refuses the second.
 */
export function sqlOrganisations(db: Sql): OrganisationStore {
  return {
    async listOrganisations() {
      const rows = await db.all<OrgDbRow>(`SELECT * FROM orgs ORDER BY ${KIND_ORDER}, name, id`);
      const domains = await domainsOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toOrganisation(r, domains.get(r.id) ?? []));
    },
    findOrganisation: (id) => find(db, id),
    async organisationName(orgId) {
      return (await db.get<{ name: string }>("SELECT name FROM orgs WHERE id = ?", [orgId]))?.name ?? null;
    },
    async organisationForDomain(domain) {
      const r = await db.get<{ org_id: string }>("SELECT org_id FROM org_domains WHERE domain = ?", [domain]);
      return r ? find(db, r.org_id) : null;
    },
    createOrganisation: (org) =>
      db.transaction(async (tx): Promise<OrganisationConflict | null> => {
        if (await tx.get("SELECT 1 AS taken FROM orgs WHERE id = ?", [org.id])) return "id_taken";
        if (await domainTaken(tx, org.domains, org.id)) return "domain_taken";
        await tx.run(
          `INSERT INTO orgs (id, name, kind, name_fr, name_it, short_name, colour, active, sso_provisioning, password_sign_in)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            org.id,
            org.name.de,
            org.kind,
            org.name.fr,
            org.name.it,
            org.shortName,
            org.colour,
            org.active,
            org.ssoProvisioning,
            org.passwordSignIn,
          ],
        );
        await writeDomains(tx, org.id, org.domains);
        return null;
      }),
    updateOrganisation: (id, change) =>
      db.transaction(async (tx) => {
        const current = await find(tx, id);
        if (!current) return "not_found" as const;
        const next = { ...current, ...change, name: { ...current.name, ...change.name } };
        if (change.domains && (await domainTaken(tx, change.domains, id))) return "domain_taken" as const;
        await tx.run(
          `UPDATE orgs SET name = ?, kind = ?, name_fr = ?, name_it = ?, short_name = ?, colour = ?, active = ?,
             sso_provisioning = ?, password_sign_in = ? WHERE id = ?`,
          [
            next.name.de,
            next.kind,
            next.name.fr,
            next.name.it,
            next.shortName,
            next.colour,
            next.active,
            next.ssoProvisioning,
            next.passwordSignIn,
            id,
          ],
        );
        if (change.domains) await writeDomains(tx, id, change.domains);
        return null;
      }),
  };
}
