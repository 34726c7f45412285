import { describe, expect, it } from "vitest";
import type { DocumentSummary, Organisation } from "../../../../shared/api/schemas.ts";
import { byProgramme } from "./byProgramme.ts";

const org = (id: string, de: string, kind: Organisation["kind"] = "canton"): Organisation => ({
  id,
  kind,
  name: { de, fr: de, it: de },
  shortName: id,
  colour: "#123456",
});
const [so, be, sem] = [
  org("kanton-so", "Kanton Solothurn"),
  org("kanton-be", "Kanton Bern"),
  org("sem", "SEM", "federal"),
];
const doc = (id: string, canton: Organisation | null): DocumentSummary => ({
  id,
  title: id,
  kind: "concept",
  role: "viewer",
  createdAt: "",
  updatedAt: "",
  crossPartyAcceptance: false,
  lock: null,
  final: null,
  amends: null,
  amendments: [],
  nextMilestone: null,
  parties: [
    ...(canton ? [{ orgId: canton.id, role: "canton" as const, organisation: canton }] : []),
    { orgId: "sem", role: "federal" as const, organisation: sem },
  ],
});

describe("byProgramme", () => {
  it("groups documents by their canton party, cantons by name, documents in the order given, none last", () => {
    const groups = byProgramme([doc("so-1", so), doc("x", null), doc("be-1", be), doc("so-2", so)], (o) => o.name.de);
    expect(groups.map((g) => [g.canton?.id ?? null, g.documents.map((d) => d.id)])).toEqual([
      ["kanton-be", ["be-1"]],
      ["kanton-so", ["so-1", "so-2"]],
      [null, ["x"]],
    ]);
  });
});
