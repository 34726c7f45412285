import { expect, it } from "vitest";
import type { Store } from "../Store.ts";
import { SWISS_ORGANISATIONS } from "../swissOrganisations.ts";
import { eachFresh, ORG, organisation } from "./fixtures.ts";

export function describeOrganisationContract(open: () => Promise<Store>): void {
  const t = eachFresh(open);

  it("starts with the SEM and the 26 cantons, named in three languages, with distinct colours and domains", async () => {
    const all = (await t.store.listOrganisations()).filter((o) => o.id !== ORG.id);
    expect(all).toHaveLength(27);
    expect(all[0]).toEqual({
      id: "sem",
      kind: "federal",
      name: {
        de: "Staatssekretariat für Migration SEM",
        fr: "Secrétariat d'État aux migrations SEM",
        it: "Segreteria di Stato della migrazione SEM",
      },
      shortName: "SEM",
      colour: "#1f5fa8",
      domains: ["sem.admin.ch"],
      active: true,
      ssoProvisioning: false,
      passwordSignIn: true,
    });
    const cantons = all.filter((o) => o.kind === "canton");
    expect(cantons.map((o) => o.id).sort()).toEqual(
      "ag ai ar be bl bs fr ge gl gr ju lu ne nw ow sg sh so sz tg ti ur vd vs zg zh"
        .split(" ")
        .map((c) => `kanton-${c}`),
    );
    expect(new Set(all.map((o) => o.colour)).size).toBe(27);
    expect(await t.store.findOrganisation("kanton-be")).toMatchObject({
      name: { de: "Kanton Bern", fr: "Canton de Berne", it: "Cantone di Berna" },
      shortName: "Kanton BE",
      domains: ["be.ch"],
    });
    expect((await t.store.organisationForDomain("jura.ch"))?.id).toBe("kanton-ju");
    expect(await t.store.organisationName("kanton-so")).toBe("Kanton Solothurn");
    expect(SWISS_ORGANISATIONS.map((o) => o.id)).toEqual(expect.arrayContaining(all.map((o) => o.id)));
  });

  it("lists the federal organisation first, then cantons by German name, then the rest", async () => {
    const kinds = (await t.store.listOrganisations()).map((o) => o.kind);
    expect(kinds[0]).toBe("federal");
    expect(kinds.at(-1)).toBe("other");
    const cantons = (await t.store.listOrganisations()).filter((o) => o.kind === "canton").map((o) => o.name.de);
    expect(cantons).toEqual([...cantons].sort());
  });

  it("creates an organisation with its domains and refuses a taken id or domain, writing nothing", async () => {
    const commune = organisation("gemeinde-olten", "Stadt Olten", { kind: "commune", domains: ["olten.ch"] });
    expect(await t.store.createOrganisation(commune)).toBeNull();
    expect(await t.store.findOrganisation("gemeinde-olten")).toEqual(commune);
    expect(await t.store.createOrganisation({ ...commune, name: { de: "X", fr: "X", it: "X" } })).toBe("id_taken");
    expect((await t.store.findOrganisation("gemeinde-olten"))?.name.de).toBe("Stadt Olten");
    const squatter = organisation("squatter", "Squatter", { domains: ["fresh.ch", "so.ch"] });
    expect(await t.store.createOrganisation(squatter)).toBe("domain_taken");
    expect(await t.store.findOrganisation("squatter")).toBeNull();
    expect(await t.store.organisationForDomain("fresh.ch")).toBeNull();
    expect((await t.store.organisationForDomain("so.ch"))?.id).toBe("kanton-so");
  });

  it("renames, deactivates and replaces domains in one change; refuses another's domain and unknown ids", async () => {
    expect(
      await t.store.updateOrganisation(ORG.id, { name: { de: "Neues Amt" }, active: false, domains: ["neu.ch"] }),
    ).toBeNull();
    expect(await t.store.findOrganisation(ORG.id)).toMatchObject({
      name: { de: "Neues Amt", fr: "Testamt", it: "Testamt" },
      active: false,
      domains: ["neu.ch"],
    });
    expect(await t.store.organisationForDomain("test.ch")).toBeNull();
    expect(await t.store.updateOrganisation(ORG.id, { shortName: "Y", domains: ["be.ch"] })).toBe("domain_taken");
    expect(await t.store.findOrganisation(ORG.id)).toMatchObject({ shortName: "Testamt", domains: ["neu.ch"] });
    expect(await t.store.updateOrganisation("no-such-org", { active: false })).toBe("not_found");
    expect(await t.store.organisationName("no-such-org")).toBeNull();
  });
}
